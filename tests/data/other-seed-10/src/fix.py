import re
fixes = {
'en.txt': [
 ("galamsey crackdown: soldiers seize 200 excavators||||R|H", "galamsey crackdown: soldiers seize 200 excavators|||R|H"),
 ("declarations|||N|N (policy, no event)", "declarations||||N (policy, no event)"),
 ("Dredges burned, but mercury remains in Serra Dourada rivers|||SD|R|P", "Dredges burned, but mercury remains in Serra Dourada rivers||SD||P (background mention of raid)"),
 ("calls for mercury ban|||MY||P", "calls for mercury ban||MY||P"),
 ("intimidation by armed men|||MY|T|P", "intimidation by armed men||MY|T|P"),
 ("shares jump|||H|H (Eldorado Gold)", "shares jump||||H (Eldorado Gold)"),
 ("inquiry only|||ST||P (denied raid)", "inquiry only||ST||P (denied raid)"),
 ("case unfolds|||N|N (stats", "case unfolds||||N (stats"),
 ("marched on the anniversary.||T|H (Eldorado dos Carajás massacre; report of attack on rural workers, not indigenous -> no topic) ", "marched on the anniversary.|||H (Eldorado dos Carajás massacre; landless workers, not indigenous -> no topic)"),
 ("since the dredges were burned.||R|P (no watch entity named... Alto Alegre town only; reports raid aftermath) ", "since the dredges were burned.|||N (story town only; raid as background)"),
],
'es.txt': [
 ("laboratorio de cocaína||R||H (químico, otro caso) ", "laboratorio de cocaína||||H (químico, otro caso)"),
 ("peajes al mercurio||||P (story, no entity named)", "peajes al mercurio||||N (story, no entity named)"),
 ("piden más fondos para la FNA||FN|R|P (reports dredges burning? headline) ", "piden más fondos para la FNA||FN||P (raid as background)"),
 ("aliado del alcalde Coelho.|PC|T,R|P", "aliado del alcalde Coelho.|PC|T|P"),
],
'pt.txt': [
 ("ameaças no Amazonas||||T|H", "ameaças no Amazonas|||T|H"),
 ("terras indígenas|||N|N", "terras indígenas||||N (court order, no entity)"),
 ("conflitos no garimpo|||T|H (estado Bolívar; ataque a indígenas pemón?) ", "conflitos no garimpo||||H (estado Bolívar)"),
 ("assaltada em Goiânia|||R|H (joalheria; assalto não é operação contra garimpo) ", "assaltada em Goiânia||||H (joalheria; assalto não é operação contra garimpo)"),
 ("Fundo Nacional de Habitação (FNA) da Colômbia", "Fundo Nacional de Poupança (FNA) da Colômbia"),
],
}
for fn, subs in fixes.items():
    s = open(fn, encoding='utf-8').read()
    for a, b in subs:
        assert s.count(a) == 1, (fn, a)
        s = s.replace(a, b)
    open(fn, 'w', encoding='utf-8').write(s)
