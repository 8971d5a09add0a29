"""Format checker for the os75 set: YAML parses, ids unique, langs valid, labels exist."""
import json, re, sys, collections
import yaml
base = sys.argv[1] if len(sys.argv) > 1 else '/tmp/os75'
errors = []
wl = yaml.safe_load(open(f'{base}/watchlist.yaml', encoding='utf-8'))
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
for kind, ids in (('entity', ents), ('topic', tops)):
    for i in ids:
        if not slug.match(i): errors.append(f'bad {kind} id {i}')
    for i, c in collections.Counter(ids).items():
        if c > 1: errors.append(f'duplicate {kind} id {i}')
for e in wl['entities']:
    if not e.get('aliases'): errors.append(f'{e["id"]}: no aliases')
    if e.get('type') not in {'person','organization','vessel','place','event','other'}:
        errors.append(f'{e["id"]}: bad type')
    if e.get('priority') not in {'low','medium','high','critical'}:
        errors.append(f'{e["id"]}: bad priority')
def walk(c):
    if isinstance(c, dict):
        if 'entity' in c and c['entity'] != '*' and c['entity'] not in ents:
            errors.append(f'topic rule names unknown entity {c["entity"]}')
        for v in c.values(): walk(v)
    elif isinstance(c, list):
        for v in c: walk(v)
for t in wl['topics']: walk(t['rule'])
E, T = set(ents), set(tops)
seen = set(); n = 0; langs = collections.Counter()
for ln, line in enumerate(open(f'{base}/os75.jsonl', encoding='utf-8'), 1):
    try: it = json.loads(line)
    except Exception as ex: errors.append(f'line {ln}: bad JSON {ex}'); continue
    n += 1
    for k in ('id','lang','title','summary','entities','topics','note'):
        if k not in it: errors.append(f'line {ln}: missing {k}')
    if it.get('id') in seen: errors.append(f'line {ln}: duplicate id {it.get("id")}')
    seen.add(it.get('id'))
    if not re.match(r'^os75-\d{3}$', it.get('id','')): errors.append(f'line {ln}: bad id')
    if it.get('lang') not in ('en','es','pt'): errors.append(f'line {ln}: bad lang')
    langs[it.get('lang')] += 1
    if not it.get('title','').strip(): errors.append(f'line {ln}: empty title')
    for e in it.get('entities', []):
        if e not in E: errors.append(f'line {ln}: unknown entity {e}')
    for t in it.get('topics', []):
        if t not in T: errors.append(f'line {ln}: unknown topic {t}')
    if len(set(it.get('entities', []))) != len(it.get('entities', [])): errors.append(f'line {ln}: dup entity')
    if not re.match(r'^(positive|hard-negative|negative)\b', it.get('note','')):
        errors.append(f'line {ln}: bad note')
if n < 360: errors.append(f'only {n} items')
print(f'{n} items, langs {dict(langs)}, {len(ents)} entities, {len(tops)} topics')
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK')
