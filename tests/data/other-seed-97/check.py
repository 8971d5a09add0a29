#!/usr/bin/env python3
"""Format checker for the os97 evaluation set (ids, langs, labels, YAML)."""
import json, sys, collections, pathlib
import yaml

HERE = pathlib.Path(__file__).resolve().parent
LANGS = {'en', 'es', 'pt'}
KEYS = ['id', 'lang', 'title', 'summary', 'entities', 'topics', 'note']
KINDS = ('positive', 'hard-negative', 'negative')

def main():
    errors = []
    wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text(encoding='utf-8'))
    for k in ('watchlist', 'entities', 'topics'):
        if k not in wl:
            errors.append(f'watchlist.yaml: missing {k}')
    ent_ids = [e['id'] for e in wl.get('entities', [])]
    top_ids = [t['id'] for t in wl.get('topics', [])]
    for name, ids in (('entity', ent_ids), ('topic', top_ids)):
        dup = [i for i, c in collections.Counter(ids).items() if c > 1]
        if dup:
            errors.append(f'duplicate {name} ids: {dup}')
    for e in wl.get('entities', []):
        if not e.get('aliases'):
            errors.append(f'entity {e.get("id")} has no aliases')
    ent_set, top_set = set(ent_ids), set(top_ids)
    seen = set()
    n = 0
    for ln, line in enumerate((HERE / 'os97.jsonl').read_text(encoding='utf-8').splitlines(), 1):
        if not line.strip():
            errors.append(f'line {ln}: blank line')
            continue
        try:
            it = json.loads(line)
        except json.JSONDecodeError as ex:
            errors.append(f'line {ln}: bad JSON: {ex}')
            continue
        n += 1
        if list(it) != KEYS:
            errors.append(f'line {ln}: keys {list(it)} != {KEYS}')
        iid = it.get('id')
        if iid in seen:
            errors.append(f'line {ln}: duplicate id {iid}')
        seen.add(iid)
        if not (isinstance(iid, str) and iid.startswith('os97-')):
            errors.append(f'line {ln}: bad id {iid}')
        if it.get('lang') not in LANGS:
            errors.append(f'line {ln}: bad lang {it.get("lang")}')
        if not isinstance(it.get('title'), str) or not it['title'].strip():
            errors.append(f'line {ln}: empty title')
        if not isinstance(it.get('summary'), str):
            errors.append(f'line {ln}: summary not a string')
        for key, valid in (('entities', ent_set), ('topics', top_set)):
            vals = it.get(key)
            if not isinstance(vals, list):
                errors.append(f'line {ln}: {key} not a list')
                continue
            if len(set(vals)) != len(vals):
                errors.append(f'line {ln}: duplicate {key}')
            for v in vals:
                if v not in valid:
                    errors.append(f'line {ln}: unknown {key[:-1]} id {v!r}')
        note = it.get('note', '')
        if not isinstance(note, str) or not note.startswith(KINDS):
            errors.append(f'line {ln}: note must start with one of {KINDS}')
        elif note.startswith('negative') and (it['entities'] or it['topics']):
            errors.append(f'line {ln}: a negative item carries labels')
        elif note.startswith('hard-negative') and it['entities']:
            errors.append(f'line {ln}: a hard negative carries entities')
    if n < 360:
        errors.append(f'only {n} items (< 360)')
    for e in errors:
        print('ERROR', e)
    print(f'{n} items, {len(ent_ids)} entities, {len(top_ids)} topics: '
          + ('OK' if not errors else f'{len(errors)} errors'))
    return 1 if errors else 0

if __name__ == '__main__':
    sys.exit(main())
