"""Builds os12.jsonl from src/{en,es,pt}.py (hand-written items). Deterministic order."""
import json, random, os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
from common import E, T
items = []
for lang in ('en', 'es', 'pt'):
    ns = {}
    exec(open(os.path.join(here, lang + '.py'), encoding='utf-8').read(), ns)
    for title, summary, ents, tops, note in ns['ITEMS']:
        items.append({'lang': lang, 'title': title, 'summary': summary,
                      'entities': [E[x] for x in ents.split()],
                      'topics': [T[x] for x in tops.split()], 'note': note})
random.Random(12).shuffle(items)
with open(os.path.join(here, '..', 'os12.jsonl'), 'w', encoding='utf-8') as f:
    for i, it in enumerate(items, 1):
        row = {'id': 'os12-%03d' % i}
        row.update(it)
        f.write(json.dumps(row, ensure_ascii=False) + '\n')
print(len(items))
