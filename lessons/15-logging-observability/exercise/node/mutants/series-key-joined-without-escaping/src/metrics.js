export function matchRoute(pathname, templates) {
  const parts = pathname.split('/');
  for (const template of templates) {
    const wanted = template.split('/');
    if (wanted.length !== parts.length) continue;
    const ok = wanted.every((segment, i) => (segment.startsWith(':') ? parts[i] !== '' : segment === parts[i]));
    if (ok) return template;
  }
  return 'unmatched';
}

export function createMetrics() {
  const counters = new Map(); // key -> { name, labels, value }

  const keyOf = (name, labels) => {
    const sorted = Object.keys(labels).sort().map((k) => [k, String(labels[k])]);
    return `${name}{${sorted.map(([k, v]) => `${k}=${v}`).join(",")}}`;
  };

  return {
    increment(name, labels = {}, by = 1) {
      const key = keyOf(name, labels);
      const entry = counters.get(key) ?? { name, labels: { ...labels }, value: 0 };
      entry.value += by;
      counters.set(key, entry);
    },
    value(name, labels = {}) {
      return counters.get(keyOf(name, labels))?.value ?? 0;
    },
    series(name) {
      return [...counters.values()]
        .filter((entry) => entry.name === name)
        .map(({ labels, value }) => ({ labels: { ...labels }, value }));
    },
  };
}
