"""Hand-written stories behind tests/data/story_pairs.json (see story_pairs_make.py).

Each story: an id, its language, the entity it is about, a headline, another headline (what a
second outlet would put over the same text) and its sentences. Stories of one entity are
different events, so pairs of them are different stories that share an entity.
"""

STORIES = [
    # ---- English ------------------------------------------------------------------------------
    dict(id="en-mad-1", lang="en", entity="maduro",
         title="Maduro orders troops to the coast as US carrier nears",
         alt="Venezuela deploys soldiers along Caribbean shore",
         text=["President Nicolás Maduro ordered thousands of soldiers to deploy along the "
               "Caribbean coast on Tuesday, hours after a US aircraft carrier entered the region.",
               "Speaking on state television, he called the warship a provocation and said "
               "reservists in Falcón and Sucre would report to their units by the weekend.",
               "Defence Minister Vladimir Padrino López said the deployment would last as long "
               "as foreign vessels remained near Venezuelan waters."]),
    dict(id="en-mad-2", lang="en", entity="maduro",
         title="Maduro signs oil accord with Chinese state company",
         alt="Caracas and Beijing agree to boost Orinoco crude output",
         text=["Nicolás Maduro signed an agreement with a Chinese state-owned firm to raise crude "
               "production in the Orinoco belt, the oil ministry said on Wednesday.",
               "The deal covers drilling services and the repair of two upgraders that have been "
               "idle since 2019, according to a statement from PDVSA.",
               "Analysts doubted the accord would lift exports quickly while US sanctions keep "
               "most Western buyers away."]),
    dict(id="en-mad-3", lang="en", entity="maduro",
         title="Maduro pardons 40 detained protesters ahead of holidays",
         alt="Venezuelan government frees dozens held since election unrest",
         text=["Venezuela released forty people detained during the protests that followed last "
               "year's disputed election, after Nicolás Maduro granted them pardons on Friday.",
               "Relatives gathered outside the Tocorón and Rodeo I prisons from early morning, "
               "and rights group Foro Penal confirmed the first releases by the afternoon.",
               "Opposition leaders said hundreds more remain behind bars on political charges."]),
    dict(id="en-cds-1", lang="en", entity="cartel-de-los-soles",
         title="US to list Cartel de los Soles as foreign terrorist organization",
         alt="Washington moves to brand Venezuelan military network a terror group",
         text=["The State Department said it will designate the Cartel de los Soles as a foreign "
               "terrorist organization from November 24, citing its role in cocaine trafficking.",
               "Officials accuse senior Venezuelan military officers of running the network and "
               "of sheltering traffickers on the country's western border.",
               "The listing makes it a crime to provide the group with material support and lets "
               "the Treasury freeze its assets under US jurisdiction."]),
    dict(id="en-cds-2", lang="en", entity="cartel-de-los-soles",
         title="Colombian court extradites general linked to Cartel de los Soles",
         alt="Retired Venezuelan officer sent to New York on drug charges",
         text=["A retired Venezuelan general accused of moving cocaine for the Cartel de los Soles "
               "was put on a plane to New York on Thursday after Colombia's supreme court approved "
               "his extradition.",
               "Prosecutors in the Southern District say he arranged landing strips in Apure for "
               "aircraft bound for Honduras between 2012 and 2016.",
               "His lawyer said the charges rest on the word of cooperating witnesses."]),
    dict(id="en-cds-3", lang="en", entity="cartel-de-los-soles",
         title="Caracas rejects 'fabricated' Cartel de los Soles designation",
         alt="Venezuela's foreign ministry calls US terror label a pretext",
         text=["Venezuela's foreign ministry rejected the Cartel de los Soles designation in a "
               "communique read on national radio, calling the accusation a fabrication.",
               "Foreign Minister Yván Gil said the label was a pretext for military aggression and "
               "asked the UN Secretary-General to convene the Security Council.",
               "Several Caribbean governments urged both sides to lower tensions."]),
    dict(id="en-tda-1", lang="en", entity="tren-de-aragua",
         title="Police arrest 12 suspected Tren de Aragua members in Texas raid",
         alt="Houston operation targets Venezuelan gang's extortion ring",
         text=["Federal agents and Houston police arrested twelve people suspected of belonging to "
               "the Tren de Aragua in dawn raids on four apartments on Monday.",
               "Investigators say the cell ran an extortion and sex trafficking ring that "
               "targeted migrants arriving from the border.",
               "Officers seized firearms, cash and ledgers recording payments from victims."]),
    dict(id="en-tda-2", lang="en", entity="tren-de-aragua",
         title="Chile convicts Tren de Aragua leaders over kidnapping of army deserter",
         alt="Santiago court hands long sentences in Ojeda murder case",
         text=["A court in Santiago sentenced five leaders of a Tren de Aragua faction to prison "
               "terms of up to forty years for the kidnapping and murder of a former Venezuelan "
               "lieutenant.",
               "The victim's body was found buried under cement in a Maipú lot weeks after he was "
               "taken from his home.",
               "Chilean prosecutors said the case showed the gang acting on behalf of foreign "
               "interests."]),
    dict(id="en-tda-3", lang="en", entity="tren-de-aragua",
         title="Colombia dismantles Tren de Aragua cell trafficking migrants",
         alt="Cúcuta raids break up smuggling network on Venezuelan border",
         text=["Colombian police said they dismantled a Tren de Aragua cell that charged migrants "
               "up to 800 dollars each to cross illegal trails near Cúcuta.",
               "Nine people were detained and officers freed fourteen women held in a house "
               "used by the group.",
               "The operation followed a year-long investigation with Peruvian authorities."]),
    dict(id="en-boat-1", lang="en", entity="boat-strikes",
         title="US strike on alleged drug boat kills four in eastern Pacific",
         alt="Pentagon says vessel was carrying narcotics off Colombia",
         text=["The US military said it struck a vessel carrying narcotics in the eastern Pacific "
               "on Saturday, killing four people aboard.",
               "The Defense Secretary posted a video of the speedboat exploding and said the "
               "crew belonged to a designated terrorist organization.",
               "It was the twentieth such strike since September, bringing the death toll above "
               "eighty."]),
    dict(id="en-boat-2", lang="en", entity="boat-strikes",
         title="Lawmakers demand legal basis for Caribbean boat strikes",
         alt="Senators question Pentagon over lethal attacks at sea",
         text=["A bipartisan group of senators asked the Pentagon to publish the legal opinion "
               "used to justify lethal strikes on boats in the Caribbean.",
               "In a letter, they said Congress had not authorised the use of force against drug "
               "cartels and that survivors had been left at sea.",
               "The department said the operations were lawful and would continue."]),
    dict(id="en-boat-3", lang="en", entity="boat-strikes",
         title="Trinidad fishermen fear going to sea after boat strikes",
         alt="Caribbean fishing villages count losses as attacks continue",
         text=["Fishermen in southern Trinidad say they have stopped sailing at night since the "
               "first US strikes on boats off Venezuela.",
               "Families of two men from Las Cuevas say their relatives were fishermen, not "
               "smugglers, and are asking for their bodies to be returned.",
               "The island's prime minister has backed the US campaign."]),
    # ---- Spanish ------------------------------------------------------------------------------
    dict(id="es-mad-1", lang="es", entity="maduro",
         title="Maduro anuncia ejercicios militares en toda la costa venezolana",
         alt="Venezuela moviliza tropas y milicianos ante buques estadounidenses",
         text=["Nicolás Maduro anunció el martes ejercicios militares en los estados costeros del "
               "país tras la llegada de un portaaviones estadounidense al Caribe.",
               "En cadena nacional, el mandatario afirmó que más de doscientos mil efectivos y "
               "milicianos participarán en las maniobras durante tres días.",
               "La oposición calificó el despliegue de propaganda y pidió liberar a los presos "
               "políticos."]),
    dict(id="es-mad-2", lang="es", entity="maduro",
         title="Maduro decreta aumento del bono de alimentación para trabajadores",
         alt="Gobierno venezolano sube el ingreso mínimo integral",
         text=["El presidente Nicolás Maduro decretó un aumento del bono de alimentación, que "
               "pasará a cuarenta dólares mensuales a partir de diciembre.",
               "Los sindicatos señalaron que el salario mínimo sigue congelado en ciento treinta "
               "bolívares y que la medida no compensa la inflación.",
               "Economistas advierten que los bonos no cuentan para prestaciones ni vacaciones."]),
    dict(id="es-mad-3", lang="es", entity="maduro",
         title="Maduro recibe al canciller ruso en Miraflores",
         alt="Venezuela y Rusia firman acuerdos de cooperación energética",
         text=["Nicolás Maduro recibió en el palacio de Miraflores al ministro de Exteriores de "
               "Rusia, con quien firmó nueve acuerdos de cooperación.",
               "Los documentos abarcan energía, transporte aéreo y la construcción de una planta "
               "de ensamblaje de camiones en Aragua.",
               "Ambos gobiernos criticaron las sanciones unilaterales en una declaración "
               "conjunta."]),
    dict(id="es-cds-1", lang="es", entity="cartel-de-los-soles",
         title="EE.UU. designará al Cártel de los Soles como organización terrorista",
         alt="Washington incluirá a la red militar venezolana en su lista de terrorismo",
         text=["El Departamento de Estado informó que designará al Cártel de los Soles como "
               "organización terrorista extranjera a partir del 24 de noviembre.",
               "Según Washington, altos mandos de la Fuerza Armada venezolana dirigen la red y "
               "protegen rutas de cocaína hacia el Caribe.",
               "La medida permite congelar bienes y castigar a quien preste apoyo material al "
               "grupo."]),
    dict(id="es-cds-2", lang="es", entity="cartel-de-los-soles",
         title="Fiscalía española investiga bienes de exgeneral del Cártel de los Soles",
         alt="Audiencia Nacional rastrea pisos de lujo de militar venezolano",
         text=["La Audiencia Nacional abrió una investigación sobre seis inmuebles en Madrid "
               "atribuidos a un exgeneral señalado como miembro del Cártel de los Soles.",
               "Los investigadores sospechan que las viviendas se compraron con dinero del "
               "narcotráfico a través de sociedades panameñas.",
               "La defensa del militar sostiene que los fondos proceden de negocios agrícolas."]),
    dict(id="es-cds-3", lang="es", entity="cartel-de-los-soles",
         title="Diosdado Cabello niega la existencia del Cártel de los Soles",
         alt="Cabello tacha de invento la acusación estadounidense",
         text=["Diosdado Cabello negó en su programa semanal que exista el Cártel de los Soles y "
               "acusó a Washington de inventar un enemigo.",
               "El dirigente chavista mostró recortes de prensa de los años noventa y afirmó que "
               "el término fue creado para desprestigiar a la Fuerza Armada.",
               "Estados Unidos ofrece una recompensa de veinticinco millones por su captura."]),
    dict(id="es-tda-1", lang="es", entity="tren-de-aragua",
         title="Capturan en Lima a cabecilla del Tren de Aragua buscado por extorsión",
         alt="Policía peruana detiene a alias el Viejo en San Juan de Lurigancho",
         text=["La Policía Nacional del Perú capturó en Lima a un cabecilla del Tren de Aragua "
               "requerido por extorsión a transportistas y comerciantes.",
               "El detenido fue hallado en una vivienda de San Juan de Lurigancho con dos armas y "
               "varios teléfonos usados para amenazar a sus víctimas.",
               "Las autoridades lo vinculan con el ataque a un bus de la empresa Santa Catalina."]),
    dict(id="es-tda-2", lang="es", entity="tren-de-aragua",
         title="El Tren de Aragua controla minas ilegales en el sur de Venezuela",
         alt="Informe revela presencia de la banda en el arco minero",
         text=["Un informe de una organización de derechos humanos documenta la presencia del Tren "
               "de Aragua en al menos cinco minas de oro del estado Bolívar.",
               "Según el estudio, la banda cobra una vacuna a los mineros y castiga con violencia "
               "a quienes no pagan.",
               "El gobierno no respondió a las solicitudes de comentario."]),
    dict(id="es-tda-3", lang="es", entity="tren-de-aragua",
         title="Juez de Nueva York imputa a tres miembros del Tren de Aragua",
         alt="Fiscales acusan a red de robos en tiendas de Manhattan",
         text=["Un gran jurado de Nueva York imputó a tres presuntos integrantes del Tren de "
               "Aragua por una serie de robos armados en joyerías de Manhattan.",
               "Los acusados habrían usado motocicletas robadas para huir y revendido el botín en "
               "Nueva Jersey.",
               "Podrían enfrentar hasta veinticinco años de prisión."]),
    dict(id="es-rub-1", lang="es", entity="rubio",
         title="Marco Rubio viaja a República Dominicana para hablar de seguridad",
         alt="El secretario de Estado se reúne con Abinader en Santo Domingo",
         text=["El secretario de Estado, Marco Rubio, llegó a Santo Domingo para reunirse con el "
               "presidente Luis Abinader y hablar de cooperación antidrogas.",
               "Ambos gobiernos firmaron un memorando para compartir información de radares y "
               "ampliar el uso de aeropuertos dominicanos por aviones de vigilancia.",
               "Rubio elogió la política migratoria del país caribeño."]),
    dict(id="es-rub-2", lang="es", entity="rubio",
         title="Rubio anuncia sanciones contra jueces venezolanos",
         alt="Washington congela bienes de magistrados del Tribunal Supremo",
         text=["Marco Rubio anunció sanciones contra siete magistrados del Tribunal Supremo de "
               "Justicia de Venezuela por su papel en las últimas elecciones.",
               "Las medidas prohíben la entrada a Estados Unidos de los jueces y de sus familiares "
               "directos.",
               "Caracas respondió que no reconoce la jurisdicción estadounidense."]),
    dict(id="es-rub-3", lang="es", entity="rubio",
         title="Rubio defiende ante el Senado la campaña contra narcolanchas",
         alt="El jefe de la diplomacia comparece por los ataques en el Caribe",
         text=["Marco Rubio defendió ante el Comité de Relaciones Exteriores del Senado los "
               "ataques contra lanchas en el Caribe y el Pacífico.",
               "Los senadores demócratas le preguntaron por el fundamento legal de las operaciones "
               "y por el destino de los sobrevivientes.",
               "Rubio respondió que los carteles son organizaciones terroristas armadas."]),
    # ---- Portuguese ---------------------------------------------------------------------------
    dict(id="pt-mad-1", lang="pt", entity="maduro",
         title="Maduro convoca milícias após chegada de porta-aviões americano",
         alt="Venezuela mobiliza reservistas na costa do Caribe",
         text=["Nicolás Maduro convocou as milícias bolivarianas nesta terça-feira depois que um "
               "porta-aviões dos Estados Unidos entrou no mar do Caribe.",
               "Em pronunciamento na televisão estatal, o presidente disse que os reservistas "
               "devem se apresentar aos quartéis até o fim de semana.",
               "Analistas consideram a mobilização mais simbólica do que militar."]),
    dict(id="pt-mad-2", lang="pt", entity="maduro",
         title="Maduro e Lula conversam por telefone sobre a crise no Caribe",
         alt="Presidente brasileiro pede diálogo em ligação com Caracas",
         text=["O presidente Luiz Inácio Lula da Silva telefonou para Nicolás Maduro para discutir "
               "a presença militar americana no Caribe, informou o Planalto.",
               "Segundo a nota, Lula defendeu uma saída negociada e ofereceu o Brasil como "
               "mediador entre Caracas e Washington.",
               "O Itamaraty não comentou se haverá uma viagem do chanceler à Venezuela."]),
    dict(id="pt-mad-3", lang="pt", entity="maduro",
         title="Governo Maduro reabre fronteira com Roraima após dois meses",
         alt="Pacaraima volta a receber caminhões vindos da Venezuela",
         text=["O governo de Nicolás Maduro reabriu a fronteira com o estado de Roraima, fechada "
               "havia dois meses, e caminhões voltaram a circular em Pacaraima.",
               "Comerciantes brasileiros disseram que as vendas de alimentos caíram pela metade "
               "durante o fechamento.",
               "A Operação Acolhida espera um aumento na chegada de migrantes."]),
    dict(id="pt-cds-1", lang="pt", entity="cartel-de-los-soles",
         title="EUA vão designar Cartel de los Soles como organização terrorista",
         alt="Washington inclui rede militar venezuelana em lista de terrorismo",
         text=["O Departamento de Estado dos Estados Unidos anunciou que vai designar o Cartel de "
               "los Soles como organização terrorista estrangeira a partir de 24 de novembro.",
               "Washington acusa oficiais de alta patente das Forças Armadas venezuelanas de "
               "comandar o grupo e proteger rotas de cocaína.",
               "A medida permite bloquear bens e punir quem oferecer apoio material à "
               "organização."]),
    dict(id="pt-cds-2", lang="pt", entity="cartel-de-los-soles",
         title="Polícia Federal investiga rota do Cartel de los Soles em Roraima",
         alt="PF apura uso de pistas clandestinas por traficantes venezuelanos",
         text=["A Polícia Federal abriu inquérito para apurar o uso de pistas clandestinas em "
               "Roraima por aviões ligados ao Cartel de los Soles.",
               "Segundo os investigadores, a cocaína saía do Apure e era levada para garimpos na "
               "terra indígena Yanomami.",
               "Dois pilotos brasileiros foram presos em Boa Vista."]),
    dict(id="pt-cds-3", lang="pt", entity="cartel-de-los-soles",
         title="Especialistas questionam provas sobre o Cartel de los Soles",
         alt="Pesquisadores dizem que grupo é rede difusa, não cartel",
         text=["Pesquisadores ouvidos pela reportagem afirmam que o Cartel de los Soles é uma rede "
               "difusa de militares corruptos, e não uma organização hierárquica.",
               "Para eles, a designação americana simplifica um problema que envolve também "
               "guerrilhas colombianas e quadrilhas locais.",
               "O governo americano diz ter provas que não podem ser divulgadas."]),
    dict(id="pt-tda-1", lang="pt", entity="tren-de-aragua",
         title="Presos em São Paulo suspeitos de ligação com o Tren de Aragua",
         alt="Polícia Civil prende venezuelanos acusados de extorsão na capital",
         text=["A Polícia Civil de São Paulo prendeu seis venezuelanos suspeitos de integrar o "
               "Tren de Aragua e de extorquir comerciantes no Brás.",
               "De acordo com o delegado, o grupo cobrava taxas semanais de ambulantes e ameaçava "
               "quem se recusava a pagar.",
               "Os presos serão ouvidos em audiência de custódia nesta quinta-feira."]),
    dict(id="pt-tda-2", lang="pt", entity="tren-de-aragua",
         title="Tren de Aragua disputa com PCC o controle de presídio em Roraima",
         alt="Relatório aponta tensão entre facções em Boa Vista",
         text=["Um relatório do Ministério Público de Roraima aponta que o Tren de Aragua disputa "
               "com o PCC o controle de alas da Penitenciária Agrícola de Monte Cristo.",
               "O documento registra três mortes violentas no presídio desde julho.",
               "A Secretaria de Justiça diz ter transferido lideranças para outros estados."]),
    dict(id="pt-tda-3", lang="pt", entity="tren-de-aragua",
         title="Portugal extradita para o Chile membro do Tren de Aragua",
         alt="Tribunal de Lisboa autoriza entrega de venezuelano procurado",
         text=["O Tribunal da Relação de Lisboa autorizou a extradição para o Chile de um "
               "venezuelano apontado como membro do Tren de Aragua.",
               "Ele é acusado de participar de um sequestro em Santiago e foi preso no aeroporto "
               "de Lisboa com um passaporte falso.",
               "A defesa pode recorrer ao Supremo Tribunal de Justiça."]),
    dict(id="pt-boat-1", lang="pt", entity="boat-strikes",
         title="Ataque americano contra lancha no Caribe deixa três mortos",
         alt="Pentágono divulga vídeo de embarcação destruída perto da Venezuela",
         text=["As Forças Armadas dos Estados Unidos atacaram uma lancha no sul do Caribe neste "
               "sábado e mataram três pessoas, segundo o secretário de Defesa.",
               "Ele afirmou que a embarcação transportava drogas para uma organização terrorista "
               "designada, sem apresentar provas.",
               "Foi o décimo ataque do tipo desde setembro."]),
    dict(id="pt-boat-2", lang="pt", entity="boat-strikes",
         title="ONU pede investigação sobre ataques a barcos no Pacífico",
         alt="Alto comissário fala em execuções extrajudiciais no mar",
         text=["O alto comissário da ONU para os direitos humanos pediu uma investigação "
               "independente sobre os ataques americanos contra barcos no Pacífico.",
               "Para ele, os bombardeios violam o direito internacional e podem configurar "
               "execuções extrajudiciais.",
               "Washington rejeitou as críticas e disse que continuará as operações."]),
    dict(id="pt-boat-3", lang="pt", entity="boat-strikes",
         title="Pescadores da Guiana evitam o mar após ataques a embarcações",
         alt="Comunidades costeiras relatam medo e prejuízo",
         text=["Pescadores da costa da Guiana dizem que deixaram de sair à noite desde o início "
               "dos ataques americanos contra embarcações na região.",
               "Uma cooperativa de Georgetown calcula que a renda dos associados caiu pela metade "
               "em outubro.",
               "O governo guianense não comentou os relatos."]),
]

# A background sentence an outlet adds to every story about an entity: different stories that
# share it must stay apart (hard negatives); a copy that adds it must still merge.
CONTEXT = {
    "maduro": {
        "en": "Maduro has ruled Venezuela since 2013 and claimed victory in an election the "
              "opposition says it won.",
        "es": "Maduro gobierna Venezuela desde 2013 y se proclamó ganador de unas elecciones que "
              "la oposición denuncia como fraudulentas.",
        "pt": "Maduro governa a Venezuela desde 2013 e se declarou vencedor de uma eleição que a "
              "oposição diz ter ganhado.",
    },
    "cartel-de-los-soles": {
        "en": "The United States says the Cartel de los Soles is led by Nicolás Maduro, who faces "
              "a 50 million dollar reward for his capture.",
        "es": "Estados Unidos sostiene que el Cártel de los Soles está encabezado por Nicolás "
              "Maduro, por quien ofrece cincuenta millones de dólares.",
        "pt": "Os Estados Unidos afirmam que o Cartel de los Soles é chefiado por Nicolás Maduro, "
              "por quem oferecem 50 milhões de dólares.",
    },
    "tren-de-aragua": {
        "en": "The Tren de Aragua began in a prison in Aragua state and spread across South "
              "America with the Venezuelan exodus.",
        "es": "El Tren de Aragua nació en una cárcel del estado Aragua y se expandió por "
              "Sudamérica con el éxodo venezolano.",
        "pt": "O Tren de Aragua surgiu em uma prisão do estado de Aragua e se espalhou pela "
              "América do Sul com o êxodo venezuelano.",
    },
    "boat-strikes": {
        "en": "The strikes began in September and the administration has not published evidence "
              "that the boats carried drugs.",
        "es": "Los ataques comenzaron en septiembre y el gobierno no ha publicado pruebas de que "
              "las lanchas llevaran drogas.",
        "pt": "Os ataques começaram em setembro e o governo não divulgou provas de que as "
              "embarcações levavam drogas.",
    },
    "rubio": {
        "es": "Rubio, hijo de inmigrantes cubanos, es uno de los principales impulsores de la "
              "presión sobre Caracas.",
    },
}
