"""Format checker for the os69 set: run with /work/main/.venv/bin/python check.py"""
import json, re, sys, collections
import yaml

HERE = __file__.rsplit('/', 1)[0] or '.'
errors = []
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
for key in ('watchlist', 'entities', 'topics'):
    if key not in wl:
        errors.append(f'watchlist: missing {key}')
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for i in ent_ids + top_ids:
    if not slug.match(i):
        errors.append(f'watchlist: bad slug {i}')
for name, ids in (('entity', ent_ids), ('topic', top_ids)):
    for i, n in collections.Counter(ids).items():
        if n > 1:
            errors.append(f'watchlist: duplicate {name} id {i}')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'watchlist: {e["id"]} has no alias')
    for a in e.get('aliases', []):
        if isinstance(a, dict) and 'alias' not in a:
            errors.append(f'watchlist: {e["id"]} alias mapping without alias')
ents, tops = set(ent_ids), set(top_ids)

seen = set()
langs = collections.Counter()
kinds = collections.Counter()
n = 0
for ln, line in enumerate(open(f'{HERE}/os69.jsonl', encoding='utf-8'), 1):
    n += 1
    try:
        d = json.loads(line)
    except Exception as ex:
        errors.append(f'line {ln}: bad JSON {ex}')
        continue
    keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
    if set(d) != keys:
        errors.append(f'line {ln}: keys {sorted(d)}')
    if not re.match(r'^os69-\d{3}$', d.get('id', '')):
        errors.append(f'line {ln}: bad id {d.get("id")}')
    if d.get('id') in seen:
        errors.append(f'line {ln}: duplicate id {d["id"]}')
    seen.add(d.get('id'))
    if d.get('lang') not in ('en', 'es', 'pt'):
        errors.append(f'line {ln}: bad lang {d.get("lang")}')
    langs[d.get('lang')] += 1
    if not isinstance(d.get('title'), str) or not d['title'].strip():
        errors.append(f'line {ln}: empty title')
    if not isinstance(d.get('summary'), str):
        errors.append(f'line {ln}: summary not a string')
    for k, valid in (('entities', ents), ('topics', tops)):
        v = d.get(k)
        if not isinstance(v, list):
            errors.append(f'line {ln}: {k} not a list')
            continue
        if len(set(v)) != len(v):
            errors.append(f'line {ln}: duplicate {k}')
        for x in v:
            if x not in valid:
                errors.append(f'line {ln}: unknown {k[:-1] if k == "topics" else "entity"} {x}')
    m = re.match(r'^(positive|hard-negative|negative) \(.+\)$', d.get('note', ''))
    if not m:
        errors.append(f'line {ln}: bad note {d.get("note")!r}')
    else:
        kinds[m.group(1)] += 1
        if m.group(1) == 'positive' and not (d['entities'] or d['topics']):
            errors.append(f'line {ln}: positive without labels')
        if m.group(1) != 'positive' and d['entities']:
            errors.append(f'line {ln}: {m.group(1)} with entity labels')
if n < 360:
    errors.append(f'only {n} items')
print(f'{n} items, langs {dict(langs)}, kinds {dict(kinds)}, {len(ents)} entities, {len(tops)} topics')
if errors:
    print('\n'.join(errors))
    sys.exit(1)
print('OK')
