"""Format checker for os71: the watchlist parses, ids are unique, langs valid, labels exist."""
import json, re, sys, pathlib, collections
import yaml
HERE = pathlib.Path(__file__).parent
errors = []
wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text(encoding='utf-8'))
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
for i in ent_ids + top_ids:
    if not slug.match(i):
        errors.append(f'bad slug {i}')
for name, ids in (('entity', ent_ids), ('topic', top_ids)):
    for i, n in collections.Counter(ids).items():
        if n > 1:
            errors.append(f'duplicate {name} id {i}')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'{e["id"]}: no aliases')
    for a in e['aliases']:
        if isinstance(a, dict) and not isinstance(a.get('alias'), str):
            errors.append(f'{e["id"]}: alias mapping without alias')
        for key in ('requires', 'unless', 'not_after', 'not_before', 'allow_after'):
            if isinstance(a, dict) and key in a:
                def flat(x):
                    for y in x:
                        yield from (flat(y) if isinstance(y, list) else [y])
                for w in flat(a[key]):
                    if not isinstance(w, str):
                        errors.append(f'{e["id"]}: {key} has non-string {w!r}')
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f'{e["id"]}: bad type')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errors.append(f'{e["id"]}: bad priority')
seen = set()
n = 0
for ln, line in enumerate((HERE / 'os71.jsonl').read_text(encoding='utf-8').splitlines(), 1):
    n += 1
    try:
        it = json.loads(line)
    except ValueError as ex:
        errors.append(f'line {ln}: bad JSON {ex}')
        continue
    keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
    if set(it) != keys:
        errors.append(f'line {ln}: keys {sorted(set(it) ^ keys)}')
    if it['id'] in seen:
        errors.append(f'line {ln}: duplicate id {it["id"]}')
    seen.add(it['id'])
    if not re.match(r'^os71-\d{3}$', it['id']):
        errors.append(f'line {ln}: bad id')
    if it['lang'] not in ('en', 'es', 'pt'):
        errors.append(f'line {ln}: bad lang {it["lang"]}')
    if not it['title'].strip():
        errors.append(f'line {ln}: empty title')
    for e in it['entities']:
        if e not in ent_ids:
            errors.append(f'line {ln}: unknown entity {e}')
    for t in it['topics']:
        if t not in top_ids:
            errors.append(f'line {ln}: unknown topic {t}')
    if len(set(it['entities'])) != len(it['entities']) or len(set(it['topics'])) != len(it['topics']):
        errors.append(f'line {ln}: repeated label')
    if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', it['note']):
        errors.append(f'line {ln}: bad note')
    if it['note'].startswith(('hard-negative', 'negative')) and it['entities']:
        errors.append(f'line {ln}: negative with entities')
if n < 360:
    errors.append(f'only {n} items')
titles = collections.Counter(json.loads(l)['title'] for l in (HERE / 'os71.jsonl').read_text(encoding='utf-8').splitlines())
for t, c in titles.items():
    if c > 1:
        errors.append(f'duplicate title {t!r}')
print('\n'.join(errors) if errors else f'OK: {n} items, {len(ent_ids)} entities, {len(top_ids)} topics')
sys.exit(1 if errors else 0)
