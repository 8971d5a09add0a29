"""Format checker for the os102 set: YAML parses, ids unique, langs valid, labels exist."""
import json, sys, re, pathlib, collections
import yaml
HERE = pathlib.Path(__file__).parent
errors = []
wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text(encoding='utf-8'))
ents = [e['id'] for e in wl['entities']]
tops = [t['id'] for t in wl['topics']]
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for x in ents + tops:
    if not slug.match(x):
        errors.append(f'bad slug {x}')
if len(set(ents + tops)) != len(ents + tops):
    errors.append('duplicate entity/topic ids')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'{e["id"]}: no aliases')
ids = set()
counts = collections.Counter()
for n, line in enumerate((HERE / 'os102.jsonl').read_text(encoding='utf-8').splitlines(), 1):
    try:
        it = json.loads(line)
    except Exception as ex:
        errors.append(f'line {n}: {ex}'); continue
    keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
    if set(it) != keys:
        errors.append(f'line {n}: keys {sorted(it)}')
    if it['id'] in ids:
        errors.append(f'line {n}: duplicate id {it["id"]}')
    ids.add(it['id'])
    if not re.match(r'^os102-\d{3}$', it['id']):
        errors.append(f'line {n}: bad id')
    if it['lang'] not in ('en', 'es', 'pt'):
        errors.append(f'line {n}: bad lang')
    if not it['title'].strip():
        errors.append(f'line {n}: empty title')
    for e in it['entities']:
        if e not in ents: errors.append(f'line {n}: unknown entity {e}')
    for t in it['topics']:
        if t not in tops: errors.append(f'line {n}: unknown topic {t}')
    if len(set(it['entities'])) != len(it['entities']) or len(set(it['topics'])) != len(it['topics']):
        errors.append(f'line {n}: repeated label')
    if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', it['note']):
        errors.append(f'line {n}: bad note')
    if it['note'].startswith('positive') and not (it['entities'] or it['topics']):
        errors.append(f'line {n}: positive without labels')
    counts[it['lang']] += 1
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK', len(ids), 'items', dict(counts), len(ents), 'entities', len(tops), 'topics')
