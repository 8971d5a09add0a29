"""Format checker for the os25 set: YAML parses, ids unique, langs valid, labels exist."""
import json, sys, re, collections
import yaml
D = '/tmp/os25/'
errors = []
wl = yaml.safe_load(open(D + 'watchlist.yaml'))
for k in ('watchlist', 'entities', 'topics'):
    if k not in wl: errors.append(f'watchlist: missing {k}')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
for i in ents + tops:
    if not slug.match(i): errors.append(f'bad slug {i}')
for name, ids in (('entity', ents), ('topic', tops)):
    for i, c in collections.Counter(ids).items():
        if c > 1: errors.append(f'duplicate {name} id {i}')
for e in wl.get('entities', []):
    if not e.get('aliases'): errors.append(f'{e["id"]}: no aliases')
    if e.get('type') not in ('person','organization','vessel','place','event','other'):
        errors.append(f'{e["id"]}: bad type')
    if e.get('priority') not in ('low','medium','high','critical'):
        errors.append(f'{e["id"]}: bad priority')
E, T = set(ents), set(tops)
seen = set(); n = 0
langs = collections.Counter()
for ln, line in enumerate(open(D + 'os25.jsonl'), 1):
    try: r = json.loads(line)
    except Exception as ex: errors.append(f'line {ln}: {ex}'); continue
    n += 1
    need = {'id','lang','title','summary','entities','topics','note'}
    if set(r) != need: errors.append(f'line {ln}: keys {sorted(set(r) ^ need)}')
    if r.get('id') in seen: errors.append(f'line {ln}: duplicate id {r.get("id")}')
    seen.add(r.get('id'))
    if not re.match(r'^os25-\d{3}$', r.get('id', '')): errors.append(f'line {ln}: bad id')
    if r.get('lang') not in ('en','es','pt'): errors.append(f'line {ln}: bad lang')
    langs[r.get('lang')] += 1
    if not r.get('title'): errors.append(f'line {ln}: empty title')
    for x in r.get('entities', []):
        if x not in E: errors.append(f'line {ln}: unknown entity {x}')
    for x in r.get('topics', []):
        if x not in T: errors.append(f'line {ln}: unknown topic {x}')
    if len(set(r.get('entities', []))) != len(r.get('entities', [])): errors.append(f'line {ln}: dup entity')
    if not re.match(r'^(positive|hard-negative|negative) \(', r.get('note', '')):
        errors.append(f'line {ln}: bad note')
if n < 360: errors.append(f'only {n} items')
print(f'{n} items, langs {dict(langs)}, {len(ents)} entities, {len(tops)} topics')
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK')
