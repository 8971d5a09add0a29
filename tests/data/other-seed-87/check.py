#!/usr/bin/env python3
"""Format checker for the os87 blind evaluation set (no scoring)."""
import json, re, sys, collections, os
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')

def main():
    errs = []
    with open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8') as f:
        wl = yaml.safe_load(f)
    ents = [e['id'] for e in wl['entities']]
    tops = [t['id'] for t in wl['topics']]
    for i in ents + tops:
        if not SLUG.match(i):
            errs.append(f'bad slug {i}')
    for name, ids in (('entity', ents), ('topic', tops)):
        dup = [k for k, v in collections.Counter(ids).items() if v > 1]
        if dup:
            errs.append(f'duplicate {name} ids {dup}')
    for e in wl['entities']:
        if not e.get('aliases'):
            errs.append(f'entity {e["id"]} has no aliases')
    E, T = set(ents), set(tops)
    seen = set(); langs = collections.Counter(); n = 0
    with open(os.path.join(HERE, 'os87.jsonl'), encoding='utf-8') as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                errs.append(f'line {ln}: blank'); continue
            try:
                it = json.loads(line)
            except Exception as ex:
                errs.append(f'line {ln}: bad json {ex}'); continue
            n += 1
            keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
            if set(it) != keys:
                errs.append(f'line {ln}: keys {sorted(set(it) ^ keys)}')
            if not re.match(r'^os87-\d{3}$', str(it.get('id'))):
                errs.append(f'line {ln}: bad id {it.get("id")}')
            if it.get('id') in seen:
                errs.append(f'line {ln}: duplicate id {it["id"]}')
            seen.add(it.get('id'))
            if it.get('lang') not in ('en', 'es', 'pt'):
                errs.append(f'line {ln}: bad lang {it.get("lang")}')
            langs[it.get('lang')] += 1
            if not isinstance(it.get('title'), str) or not it['title'].strip():
                errs.append(f'line {ln}: empty title')
            if not isinstance(it.get('summary'), str):
                errs.append(f'line {ln}: summary not a string')
            for k, S in (('entities', E), ('topics', T)):
                v = it.get(k)
                if not isinstance(v, list):
                    errs.append(f'line {ln}: {k} not a list'); continue
                for x in v:
                    if x not in S:
                        errs.append(f'line {ln}: unknown {k} id {x}')
                if len(set(v)) != len(v):
                    errs.append(f'line {ln}: repeated {k}')
            note = it.get('note', '')
            if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', note):
                errs.append(f'line {ln}: bad note {note!r}')
            elif note.startswith('positive') and not it['entities']:
                errs.append(f'line {ln}: positive without entities')
            elif not note.startswith('positive') and it['entities']:
                errs.append(f'line {ln}: negative with entities')
    for e in errs:
        print('ERROR', e)
    print(f'{n} items, langs {dict(langs)}, {len(ents)} entities, {len(tops)} topics')
    if errs:
        sys.exit(1)
    print('OK')

if __name__ == '__main__':
    main()
