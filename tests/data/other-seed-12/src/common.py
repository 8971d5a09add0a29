E = {
 'FED':'faro-estrategia-digital','JCI':'julian-castro-ibarra','SB':'saul-benitez',
 'SF':'sin-filtro-mx','AL':'arturo-leal','LP':'lucia-paz','CO':'chema-ocampo',
 'IME':'ime-morelos','FEDE':'fede-morelos','PAM':'pam-morelos','VIB':'vibra-app',
 'CON':'contraste-verifica','ECO':'operacion-eco','SOS':'sosia-app','CP':'caio-prado',
 'RC':'rui-costa-sosia'}
T = {'D':'disinformation','V':'vote-buying-charges','T':'platform-takedown'}
