"""Format checker for the os51 set: YAML parses, ids unique, langs valid, label ids exist."""
import json, sys, pathlib, collections
import yaml
HERE = pathlib.Path(__file__).resolve().parent
errors = []
wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text(encoding='utf-8'))
for key in ('watchlist', 'entities', 'topics'):
    if key not in wl:
        errors.append(f'watchlist: missing {key}')
ent_ids = [e['id'] for e in wl.get('entities', [])]
top_ids = [t['id'] for t in wl.get('topics', [])]
for name, ids in (('entity', ent_ids), ('topic', top_ids)):
    for i, c in collections.Counter(ids).items():
        if c > 1:
            errors.append(f'duplicate {name} id {i}')
for e in wl.get('entities', []):
    if not e.get('aliases'):
        errors.append(f'entity {e["id"]} has no aliases')
ents, tops = set(ent_ids), set(top_ids)
seen = set()
langs = collections.Counter()
need = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
for n, line in enumerate((HERE / 'os51.jsonl').read_text(encoding='utf-8').splitlines(), 1):
    try:
        r = json.loads(line)
    except json.JSONDecodeError as exc:
        errors.append(f'line {n}: bad JSON {exc}')
        continue
    if set(r) != need:
        errors.append(f'line {n}: keys {sorted(set(r) ^ need)}')
    if r.get('id') in seen:
        errors.append(f'line {n}: duplicate id {r.get("id")}')
    seen.add(r.get('id'))
    if r.get('lang') not in ('en', 'es', 'pt'):
        errors.append(f'line {n}: bad lang {r.get("lang")}')
    langs[r.get('lang')] += 1
    if not isinstance(r.get('title'), str) or not r['title'].strip():
        errors.append(f'line {n}: empty title')
    for x in r.get('entities', []):
        if x not in ents:
            errors.append(f'line {n}: unknown entity {x}')
    for x in r.get('topics', []):
        if x not in tops:
            errors.append(f'line {n}: unknown topic {x}')
    if len(set(r.get('entities', []))) != len(r.get('entities', [])):
        errors.append(f'line {n}: repeated entity label')
    if not str(r.get('note', '')).split(' ')[0] in ('positive', 'hard-negative', 'negative'):
        errors.append(f'line {n}: note must start with positive|hard-negative|negative')
print(f'{len(seen)} items, langs {dict(langs)}, {len(ents)} entities, {len(tops)} topics')
if errors:
    print('\n'.join(errors))
    sys.exit(1)
print('OK')
