"""Format checker for the os111 set: YAML parses, ids unique, langs valid, labels exist."""
import json, pathlib, re, sys, collections
import yaml
HERE = pathlib.Path(__file__).parent
errors = []
wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text())
ALLOWED_TOP = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
extra = set(wl) - ALLOWED_TOP
if extra:
    errors.append(f'watchlist: unknown top-level keys {extra}')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
for i in ent_ids + top_ids:
    if not slug.match(i):
        errors.append(f'bad slug {i}')
for kind, ids in (('entity', ent_ids), ('topic', top_ids)):
    for k, v in collections.Counter(ids).items():
        if v > 1:
            errors.append(f'duplicate {kind} id {k}')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'{e["id"]}: no aliases')
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f'{e["id"]}: bad type')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errors.append(f'{e["id"]}: bad priority')
    for a in e['aliases']:
        if isinstance(a, dict):
            if 'alias' not in a:
                errors.append(f'{e["id"]}: alias mapping without alias')
            if a.get('case', 'any') not in {'any', 'capitalized', 'exact'}:
                errors.append(f'{e["id"]}: bad case {a.get("case")}')
        elif not isinstance(a, str):
            errors.append(f'{e["id"]}: alias {a!r} not a string')
def walk(x):
    if isinstance(x, dict):
        if 'entity' in x and x['entity'] != '*' and x['entity'] not in ent_ids:
            errors.append(f'topic refers to unknown entity {x["entity"]}')
        for v in x.values():
            walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)
    elif isinstance(x, bool):
        errors.append('a boolean where a term was expected (quote yes/no/on/off)')
for t in wl['topics']:
    walk(t['rule'])
ents, tops = set(ent_ids), set(top_ids)
seen = set()
langs = collections.Counter()
KEYS = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
for n, line in enumerate((HERE / 'os111.jsonl').read_text().splitlines(), 1):
    try:
        r = json.loads(line)
    except json.JSONDecodeError as ex:
        errors.append(f'line {n}: bad JSON {ex}'); continue
    if set(r) != KEYS:
        errors.append(f'line {n}: keys {sorted(r)}')
    if not re.fullmatch(r'os111-\d{3}', r.get('id', '')):
        errors.append(f'line {n}: bad id {r.get("id")}')
    if r.get('id') in seen:
        errors.append(f'line {n}: duplicate id {r["id"]}')
    seen.add(r.get('id'))
    if r.get('lang') not in ('en', 'es', 'pt'):
        errors.append(f'line {n}: bad lang {r.get("lang")}')
    langs[r.get('lang')] += 1
    if not r.get('title', '').strip():
        errors.append(f'line {n}: empty title')
    for e in r.get('entities', []):
        if e not in ents:
            errors.append(f'line {n}: unknown entity {e}')
    for t in r.get('topics', []):
        if t not in tops:
            errors.append(f'line {n}: unknown topic {t}')
    if len(set(r.get('entities', []))) != len(r.get('entities', [])):
        errors.append(f'line {n}: repeated entity label')
    if not re.match(r'^(positive|hard-negative|negative) \(', r.get('note', '')):
        errors.append(f'line {n}: note must start with positive|hard-negative|negative (...)')
    nw = len(r.get('title', '').split())
    if not 3 <= nw <= 20:
        print(f'warning line {n}: title has {nw} words', file=sys.stderr)
if errors:
    print('\n'.join(errors)); sys.exit(1)
print(f'OK: {len(seen)} items {dict(langs)}; {len(ent_ids)} entities, {len(top_ids)} topics')
