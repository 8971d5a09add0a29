"""Format checker for the os33 set: run with /work/main/.venv/bin/python /tmp/os33/check.py"""
import json, re, sys, collections
import yaml

HERE = '/tmp/os33'
errors = []
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for i in ent_ids + top_ids:
    if not slug.match(i):
        errors.append(f'bad slug {i}')
if len(set(ent_ids)) != len(ent_ids) or len(set(top_ids)) != len(top_ids):
    errors.append('duplicate entity/topic ids in watchlist')
if not 14 <= len(ent_ids) <= 17:
    errors.append(f'{len(ent_ids)} entities (want 14-17)')
if not 2 <= len(top_ids) <= 3:
    errors.append(f'{len(top_ids)} topics (want 2-3)')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'{e["id"]}: no aliases')

seen = set()
langs = collections.Counter()
n = 0
for ln_no, line in enumerate(open(f'{HERE}/os33.jsonl', encoding='utf-8'), 1):
    try:
        it = json.loads(line)
    except json.JSONDecodeError as ex:
        errors.append(f'line {ln_no}: bad JSON {ex}')
        continue
    n += 1
    keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
    if set(it) != keys:
        errors.append(f'line {ln_no}: keys {sorted(it)}')
    if it['id'] in seen:
        errors.append(f'line {ln_no}: duplicate id {it["id"]}')
    seen.add(it['id'])
    if not re.match(r'^os33-\d{3}$', it['id']):
        errors.append(f'line {ln_no}: bad id {it["id"]}')
    if it['lang'] not in ('en', 'es', 'pt'):
        errors.append(f'line {ln_no}: bad lang {it["lang"]}')
    langs[it['lang']] += 1
    if not it['title'].strip():
        errors.append(f'line {ln_no}: empty title')
    for e in it['entities']:
        if e not in ent_ids:
            errors.append(f'line {ln_no}: unknown entity {e}')
    for t in it['topics']:
        if t not in top_ids:
            errors.append(f'line {ln_no}: unknown topic {t}')
    if len(set(it['entities'])) != len(it['entities']) or len(set(it['topics'])) != len(it['topics']):
        errors.append(f'line {ln_no}: duplicate label')
    kind = it['note'].split(' ', 1)[0]
    if kind not in ('positive', 'hard-negative', 'negative'):
        errors.append(f'line {ln_no}: bad note {it["note"]}')
    if (kind == 'positive') != bool(it['entities']):
        errors.append(f'line {ln_no}: note {kind} vs entities {it["entities"]}')
if n < 360:
    errors.append(f'only {n} items')
print(f'{n} items; langs {dict(langs)}; {len(ent_ids)} entities; {len(top_ids)} topics')
if errors:
    print('\n'.join(errors))
    sys.exit(1)
print('OK')
