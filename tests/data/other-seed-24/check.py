#!/usr/bin/env python3
"""Format checker for the os24 set: YAML parses, ids unique, langs valid, labels exist."""
import json, sys, pathlib, re
import yaml
here = pathlib.Path(__file__).parent
errors = []
wl = yaml.safe_load((here/'watchlist.yaml').read_text(encoding='utf-8'))
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for kind, ids in (('entity', ents), ('topic', tops)):
    if len(ids) != len(set(ids)):
        errors.append(f'duplicate {kind} ids in watchlist')
    errors += [f'bad {kind} slug {i}' for i in ids if not slug.match(i)]
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'entity {e["id"]} has no aliases')
seen = set()
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
n = 0
for ln, line in enumerate((here/'os24.jsonl').read_text(encoding='utf-8').splitlines(), 1):
    if not line.strip():
        continue
    n += 1
    try:
        it = json.loads(line)
    except json.JSONDecodeError as ex:
        errors.append(f'line {ln}: bad JSON {ex}'); continue
    if set(it) != keys:
        errors.append(f'line {ln}: keys {sorted(it)}')
    if it.get('id') in seen:
        errors.append(f'line {ln}: duplicate id {it.get("id")}')
    seen.add(it.get('id'))
    if not re.match(r'^os24-\d{3}$', str(it.get('id'))):
        errors.append(f'line {ln}: bad id {it.get("id")}')
    if it.get('lang') not in ('en', 'es', 'pt'):
        errors.append(f'line {ln}: bad lang {it.get("lang")}')
    if not isinstance(it.get('title'), str) or not it['title'].strip():
        errors.append(f'line {ln}: empty title')
    if not isinstance(it.get('summary'), str):
        errors.append(f'line {ln}: summary not a string')
    for k, valid in (('entities', ents), ('topics', tops)):
        v = it.get(k)
        if not isinstance(v, list) or len(v) != len(set(v)):
            errors.append(f'line {ln}: {k} not a list of unique ids')
            continue
        errors += [f'line {ln}: unknown {k[:-1]} id {x}' for x in v if x not in valid]
    if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', str(it.get('note'))):
        errors.append(f'line {ln}: bad note {it.get("note")}')
    elif it['note'].startswith('negative') and it['entities']:
        errors.append(f'line {ln}: negative with entities')
    elif it['note'].startswith('positive') and not it['entities'] and not it['topics']:
        errors.append(f'line {ln}: positive without labels')
if n < 360:
    errors.append(f'only {n} items')
print('\n'.join(errors) if errors else f'OK: {n} items, {len(ents)} entities, {len(tops)} topics')
sys.exit(1 if errors else 0)
