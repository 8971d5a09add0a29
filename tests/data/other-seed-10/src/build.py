import json, sys
E = dict(SD='ti-serra-dourada', UR='rio-urubu', CA='camp-dtvm', BR='boto-rosa', FI='carlos-figueira',
         PC='paulo-coelho', MY='marta-yekuana', OE='operacao-eldorado', NB='nestor-bolivar', HL='helena-lago',
         ST='sterling-refiners', DC='demerara-chemical', CO='condor-taxi-aereo', EQ='el-quimico',
         FN='forca-nacional-ambiental', RL='rodrigo-lisboa')
T = dict(R='mining-raids', S='smuggling-charges', T='indigenous-threats')
out, errs, n = [], 0, 0
for lang in ['en', 'es', 'pt']:
    for ln, line in enumerate(open(f'{lang}.txt', encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip(): continue
        f = line.split('|')
        if len(f) != 6 or f[0] != lang:
            print('FIELDS', lang, ln, line); errs += 1; continue
        _, title, summ, ents, tops, note = f
        try:
            el = [E[x] for x in ents.split(',') if x]
            tl = [T[x] for x in tops.split(',') if x]
        except KeyError as k:
            print('CODE', lang, ln, k, line); errs += 1; continue
        code = note.strip()[0]
        kind = {'P': 'positive', 'H': 'hard-negative', 'N': 'negative'}[code]
        rest = note.strip()[1:].strip()
        if kind == 'positive' and not el:
            kind = 'negative'; rest = rest or '(story-related, no watched entity named)'
        if kind == 'positive' and not rest: rest = '(watched entity named)'
        if kind != 'positive' and el:
            print('NEG-WITH-ENT', lang, ln, line); errs += 1
        if not rest: rest = '(no watched entity)'
        n += 1
        out.append(dict(id=f'os10-{n:03d}', lang=lang, title=title.strip(), summary=summ.strip(),
                        entities=el, topics=tl, note=f'{kind} {rest}'))
if errs: sys.exit(f'{errs} errors')
with open('/tmp/os10/os10.jsonl', 'w', encoding='utf-8') as fh:
    for o in out: fh.write(json.dumps(o, ensure_ascii=False) + '\n')
print(len(out), 'items')
