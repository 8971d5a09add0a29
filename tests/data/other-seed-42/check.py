"""Format checker for the os42 evaluation set (no scoring)."""
import json, sys, pathlib, re
import yaml
HERE = pathlib.Path(__file__).parent
errors, warnings = [], []
wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text())
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for i in ent_ids + top_ids:
    if not slug.match(i):
        errors.append(f'bad slug {i}')
if len(set(ent_ids)) != len(ent_ids) or len(set(top_ids)) != len(top_ids):
    errors.append('duplicate entity/topic id in watchlist')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'{e["id"]}: no aliases')
seen = set()
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
for n, line in enumerate((HERE / 'os42.jsonl').read_text().splitlines(), 1):
    try:
        it = json.loads(line)
    except Exception as ex:
        errors.append(f'line {n}: bad json {ex}'); continue
    if set(it) != keys:
        errors.append(f'line {n}: keys {sorted(it)}')
    if it['id'] in seen:
        errors.append(f'line {n}: duplicate id {it["id"]}')
    seen.add(it['id'])
    if not re.match(r'^os42-\d{3}$', it['id']):
        errors.append(f'line {n}: bad id {it["id"]}')
    if it['lang'] not in ('en', 'es', 'pt'):
        errors.append(f'line {n}: bad lang {it["lang"]}')
    for x in it['entities']:
        if x not in ent_ids:
            errors.append(f'line {n}: unknown entity {x}')
    for x in it['topics']:
        if x not in top_ids:
            errors.append(f'line {n}: unknown topic {x}')
    if not re.match(r'^(positive|hard-negative|negative) \(', it['note']):
        errors.append(f'line {n}: bad note {it["note"]}')
    if it['note'].startswith(('hard-negative', 'negative')) and it['entities']:
        errors.append(f'line {n}: negative with entities')
    w = len(it['title'].split())
    if not 4 <= w <= 18:
        warnings.append(f'{it["id"]}: title has {w} words')
for w in warnings:
    print('warning:', w)
for e in errors:
    print('ERROR:', e)
print(f'{len(seen)} items, {len(ent_ids)} entities, {len(top_ids)} topics:',
      'FAIL' if errors else 'OK')
sys.exit(1 if errors else 0)
