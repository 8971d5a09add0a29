S = {
# en
"Who is Rodrigo Falcao, the man police say is ransomware boss Bento?": "Neighbours in Porto Alegre remember a quiet programmer who collected vintage consoles.",
"OPERATION FAROL: 7 ARRESTED, LEAK SITE SEIZED": "EUROPOL SAYS SERVERS IN ROMANIA AND BRAZIL WERE TAKEN OFFLINE.",
"Aurora sues insurer Ancora over €40 million recovery bill": "The hospital chain says its cyber policy covers business interruption; the insurer says it will defend the claim in court.",
"Aurora Saúde CEO Inês Salgado resigns after ransom revelations": "She had told MPs in April that no payment was made.",
"Falcão extradited from Spain to Portugal to face ransomware charges": "The Brazilian arrived in Lisbon on a police flight on Tuesday.",
"Europol: Salvo made at least $40m from 60 victims": "The agency's figures cover ransom payments traced on the blockchain since 2025.",
"Brazilian prosecutors charge Marreta and four Brisa members": "The crew is accused of selling access to hospital networks.",
"Marreta sentenced to nine years in Brazil hospital hack case": "A Campinas court convicted Thiago Nunes of computer intrusion and criminal association.",
"Âncora Seguros shares fall on cyber claims fears": "Analysts expect higher payouts for business interruption across Iberia.",
"Goalkeeper Bento saves penalty as Al-Nassr win": "The Brazilian keeper also kept a clean sheet in Riyadh.",
"Radamel Falcao announces retirement at 40": "The Colombian striker scored 36 goals for his country.",
"Project Nimbus: Google workers protest Israel cloud contract": "Employees staged a sit-in at offices in New York and Sunnyvale.",
"ANC suspends MP over tender corruption claims": "South Africa's governing party said the suspension would last until a probe is complete.",
"Ricardo Salgado trial: BES founder's lawyers seek delay": "The former banker's defence cites his health.",
"Wagner Moura wins Golden Globe for 'The Secret Agent'": "The Brazilian actor thanked Kleber Mendonça Filho in his speech.",
"Operation Lighthouse: UK police charge 12 in county lines drugs probe": "Officers seized cash, phones and cannabis in raids across Merseyside.",
"LockBit affiliate arrested in Poland as part of Operation Cronos follow-up": "Polish police said the man deployed ransomware against local firms.",
"Black Basta leader charged in US over ransomware attacks on hospitals": "Prosecutors unsealed an indictment in Brooklyn.",
"US hospital operator pays $22m ransom to regain systems": "The company said paying was the only way to restore patient care quickly.",
"Toluca's Bravo re-elected months after ransomware standoff": "The mayor won 54% of the vote.",
"Q&A with threat researcher Daniel Moura on tracking the Salvo gang": "He explains how he follows wallets, forum posts and code reuse.",
# es
"Raúl Bravo: \"Toluca no negocia con delincuentes\", el alcalde se niega a pagar el rescate": "El edil pidió paciencia a los vecinos mientras se restablece el bombeo.",
"Salvo rebaja a 12 millones su exigencia a Aurora": "Los registros del chat de negociación muestran que la banda pedía 25 millones al principio.",
"Operación Farol: Europol incauta servidores en Rumanía y Brasil": "La web de filtraciones del grupo Salvo muestra ahora un aviso policial.",
"Thiago Nunes, alias Marreta, pasa a prisión preventiva en Campinas": "El juez consideró que existe riesgo de fuga.",
"La aseguradora Âncora no cubrirá el rescate de Aurora": "La póliza excluye expresamente los pagos de extorsión.",
"Aurora demanda a Âncora por 40 millones de euros": "La cadena hospitalaria reclama los costes de interrupción del negocio.",
"Inês Salgado dimite como consejera delegada de Aurora Salud": "La directiva portuguesa deja el cargo tras las revelaciones sobre el pago en Brasil.",
"Un tribunal de Campinas condena a Marreta a nueve años": "El líder de la banda Brisa fue hallado culpable de intrusión informática.",
"Daniel Moura: \"Salvo funcionaba como una startup\"": "El investigador de Quilha Labs describe bonos, vacaciones y un departamento de 'atención al cliente'.",
"Brasil imputa a cinco miembros de la banda Brisa": "La Fiscalía acusa al grupo de vender accesos a redes hospitalarias.",
"Europol desmantela la red de LockBit en una operación internacional": "Los agentes tomaron el control de la web de filtraciones del grupo.",
"Salvo error u omisión, el BOE publica hoy la nueva ley de vivienda": "La norma entra en vigor mañana.",
"El Salvador (SLV) prepara el regreso del bitcoin como moneda": "El Gobierno de Bukele estudia nuevas compras de criptomonedas.",
"Raúl Bravo, exjugador del Real Madrid, detenido por amaño de partidos": "El exlateral fue arrestado en la operación Oikos.",
"Ricardo Salgado, condenado por la quiebra del BES": "El expresidente del banco recurrirá la sentencia.",
"Proyecto Nimbus: empleados de Google protestan por el contrato con Israel": "Decenas de trabajadores fueron despedidos tras la protesta.",
"Detienen en Monterrey a hackers que robaban cuentas bancarias": "La fiscalía de Nuevo León detuvo a cuatro personas.",
"Pemex niega haber pagado rescate a hackers": "La petrolera asegura que recuperó sus sistemas con respaldos propios.",
"Falcão se declara inocente ante el juez de Oporto": "El presunto jefe de Salvo niega haber dirigido la banda.",
# pt
"Quem é o Salvo, o grupo de ransomware que fala português": "Também identificado como SLV, o grupo aluga o malware Candela a afiliados.",
"Salvo baixa exigência à Aurora para 12 milhões": "Conversas de negociação mostram que o grupo pedia 25 milhões no início.",
"PJ detém três suspeitos no Porto e em Lisboa na Operação Farol": "Os detidos são suspeitos de gerir o portal de negociação do grupo.",
"Falcão extraditado para Portugal": "O suposto líder do grupo de ransomware chegou a Lisboa escoltado pela PJ.",
"Inês Salgado demite-se da presidência da Aurora Saúde": "A gestora sai depois de notícias sobre o pagamento feito pela filial brasileira.",
"Aurora processa a Âncora em 40 milhões de euros": "O grupo hospitalar diz que a apólice cobre a interrupção da atividade.",
"Brasil: MPF denuncia cinco membros do grupo Brisa": "Procuradores acusam a célula de vender acessos a redes de hospitais.",
"Marreta condenado a nove anos de prisão": "A Justiça Federal em Campinas condenou Thiago Nunes por invasão de dispositivo informático.",
"Ricardo Salgado: tribunal recusa nova perícia médica": "O antigo banqueiro do BES continua a ser julgado em Lisboa.",
"Wagner Moura vence Globo de Ouro por \"O Agente Secreto\"": "O ator baiano agradeceu ao realizador no discurso.",
"Goleiro Bento é convocado para a seleção": "Ancelotti chamou o guarda-redes para os jogos de março.",
"Thiago Nunes é o novo técnico do Grêmio": "O treinador assina até dezembro de 2027.",
"Polícia Federal deflagra Operação Farol contra fraude no INSS": "Agentes cumprem mandados de busca em três estados contra fraudes em benefícios.",
"PF prende hackers que desviavam dinheiro via PIX": "O grupo usava chaves falsas para desviar pagamentos.",
"Hospital em Pernambuco paga resgate a hackers, diz jornal": "O hospital não confirma o valor.",
"Nimbus Exchange nega ter conhecimento da origem dos fundos": "A corretora diz que congelou as contas assim que foi notificada.",
"Marreta no muro: obra ilegal demolida em Santos": "Fiscais da prefeitura usaram marretas e uma retroescavadeira.",
"Papa Bento XVI: três anos da morte do pontífice emérito": "Missa em Roma recorda o teólogo alemão.",
"Brisa alvo de ataque informático; portagens não foram afetadas": "A concessionária das autoestradas diz que isolou a rede corporativa.",
}
import re
for lang in ['en','es','pt']:
    p=f'{lang}.txt'; lines=open(p,encoding='utf-8').read().split('\n'); out=[]
    for line in lines:
        if line.strip():
            parts=line.split('|')
            t=parts[1].strip()
            if t in S:
                cur=parts[2].strip()
                if cur and cur!=S[t] : print('HAD SUMMARY',t)
                parts[2]=' '+S.pop(t)+' '
                line='|'.join(parts)
        out.append(line)
    open(p,'w',encoding='utf-8').write('\n'.join(out))
print('unused',list(S))
