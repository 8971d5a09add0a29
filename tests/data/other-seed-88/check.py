"""Format checker for os88.jsonl against watchlist.yaml (stdlib + PyYAML)."""
import json, sys, os, collections
import yaml
D = os.path.dirname(os.path.abspath(__file__))
errors = []
wl = yaml.safe_load(open(os.path.join(D, 'watchlist.yaml'), encoding='utf-8'))
ents = {e['id'] for e in wl['entities']}
tops = {t['id'] for t in wl['topics']}
if len(ents) != len(wl['entities']): errors.append('duplicate entity ids')
if len(tops) != len(wl['topics']): errors.append('duplicate topic ids')
ids = set(); langs = collections.Counter(); kinds = collections.Counter()
KEYS = ['id', 'lang', 'title', 'summary', 'entities', 'topics', 'note']
for n, line in enumerate(open(os.path.join(D, 'os88.jsonl'), encoding='utf-8'), 1):
    try:
        r = json.loads(line)
    except Exception as ex:
        errors.append(f'line {n}: bad json {ex}'); continue
    if list(r) != KEYS: errors.append(f'line {n}: keys {list(r)}')
    if r['id'] in ids: errors.append(f'line {n}: duplicate id {r["id"]}')
    ids.add(r['id'])
    if r['lang'] not in ('en', 'es', 'pt'): errors.append(f'line {n}: lang {r["lang"]}')
    langs[r['lang']] += 1
    for e in r['entities']:
        if e not in ents: errors.append(f'line {n}: unknown entity {e}')
    for t in r['topics']:
        if t not in tops: errors.append(f'line {n}: unknown topic {t}')
    if len(set(r['entities'])) != len(r['entities']): errors.append(f'line {n}: dup entity')
    if not isinstance(r['title'], str) or not r['title'].strip(): errors.append(f'line {n}: empty title')
    kind = r['note'].split(' ')[0]
    if kind not in ('positive', 'hard-negative', 'negative'): errors.append(f'line {n}: note {r["note"]}')
    if kind != 'positive' and r['entities']: errors.append(f'line {n}: {kind} with entities')
    if kind == 'negative' and r['topics']: errors.append(f'line {n}: negative with topics')
    kinds[kind] += 1
    w = len(r['title'].split())
    if not 4 <= w <= 18: errors.append(f'line {n}: title has {w} words')
print('langs', dict(langs), 'kinds', dict(kinds), 'total', sum(langs.values()))
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK')
