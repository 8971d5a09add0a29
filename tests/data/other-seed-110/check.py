"""Format checker for the os110 set: run with /work/main/.venv/bin/python check.py"""
import json, re, sys, collections
import yaml
D = '/tmp/os110/'
errs = []
wl = yaml.safe_load(open(D + 'watchlist.yaml', encoding='utf-8'))
for k in ('watchlist', 'entities', 'topics'):
    if k not in wl:
        errs.append(f'watchlist: missing {k}')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl['entities']]
tops = [t['id'] for t in wl['topics']]
for i in ents + tops:
    if not slug.match(i):
        errs.append(f'bad slug {i}')
if len(set(ents + tops)) != len(ents + tops):
    errs.append('duplicate entity/topic ids')
for e in wl['entities']:
    if not e.get('aliases'):
        errs.append(f'{e["id"]}: no aliases')
ids = set()
c_lang = collections.Counter(); c_kind = collections.Counter()
c_ent = collections.Counter(); c_top = collections.Counter()
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
for ln, line in enumerate(open(D + 'os110.jsonl', encoding='utf-8'), 1):
    try:
        o = json.loads(line)
    except Exception as x:
        errs.append(f'line {ln}: bad json {x}'); continue
    if set(o) != keys:
        errs.append(f'line {ln}: keys {sorted(o)}')
    if not re.match(r'^os110-\d{3}$', o['id']): errs.append(f'line {ln}: bad id {o["id"]}')
    if o['id'] in ids: errs.append(f'line {ln}: duplicate id {o["id"]}')
    ids.add(o['id'])
    if o['lang'] not in ('en', 'es', 'pt'): errs.append(f'line {ln}: lang {o["lang"]}')
    if not o['title'].strip(): errs.append(f'line {ln}: empty title')
    for e in o['entities']:
        if e not in ents: errs.append(f'line {ln}: unknown entity {e}')
    for t in o['topics']:
        if t not in tops: errs.append(f'line {ln}: unknown topic {t}')
    if len(set(o['entities'])) != len(o['entities']): errs.append(f'line {ln}: dup entity')
    m = re.match(r'^(positive|hard-negative|negative) \(.+\)$', o['note'])
    if not m: errs.append(f'line {ln}: note {o["note"]}')
    else: c_kind[(o['lang'], m.group(1))] += 1
    c_lang[o['lang']] += 1
    for e in o['entities']: c_ent[e] += 1
    for t in o['topics']: c_top[t] += 1
print('items', len(ids), dict(c_lang))
print('kinds', dict(sorted(c_kind.items())))
print('entities', dict(c_ent.most_common()))
print('topics', dict(c_top.most_common()))
missing = [e for e in ents if not c_ent[e]]
if missing: errs.append(f'entities never labelled: {missing}')
if errs:
    print('FAIL'); print('\n'.join(errs)); sys.exit(1)
print('OK')
