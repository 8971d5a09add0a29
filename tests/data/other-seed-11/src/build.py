import json, sys
E={'S':'salvo-group','B':'bento','BR':'brisa-crew','M':'marreta','C':'candela-ransomware','V':'vitrine-leak-site',
   'A':'aurora-saude','W':'agua-clara-toluca','I':'ines-salgado','R':'raul-bravo','N':'anc-spain',
   'F':'operation-farol','X':'nimbus-exchange','Q':'ancora-seguros','D':'daniel-moura'}
T={'a':'attack-leak','k':'arrests-takedown','r':'ransom-extortion'}
K={'P':'positive','H':'hard-negative','N':'negative'}
out=[]; n=0
for lang in ['en','es','pt']:
    for ln,line in enumerate(open(f'/tmp/os11/src/{lang}.txt',encoding='utf-8'),1):
        line=line.rstrip('\n')
        if not line.strip(): continue
        parts=[x.strip() for x in line.split('|')]
        if len(parts)!=6: sys.exit(f'{lang}:{ln}: {len(parts)} fields: {line}')
        lg,title,summ,ents,tops,note=parts
        assert lg==lang,(lang,ln)
        pass
        ents=[E[x] for x in ents.split()]; tops=[T[x] for x in tops.split()]
        kind,_,why=note.partition(' ')
        kind=K[kind]
        if kind=='positive': assert ents,(lang,ln)
        else: assert not ents,(lang,ln)
        n+=1
        out.append({'id':f'os11-{n:03d}','lang':lang,'title':title,'summary':summ,'entities':ents,'topics':tops,'note':f'{kind} ({why})'})
with open('/tmp/os11/os11.jsonl','w',encoding='utf-8') as f:
    for o in out: f.write(json.dumps(o,ensure_ascii=False)+'\n')
print(n)
