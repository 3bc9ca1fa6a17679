/**
 * A deliberately small parser for the RateLimit fields of draft-ietf-httpapi-ratelimit-headers-11:
 * a Structured Field List (RFC 9651) whose items are Strings with Integer or String parameters.
 *
 *   parseList('"default";q=5;w=5')  ->  [{ name: 'default', params: { q: 5, w: 5 } }]
 *
 * It throws on anything else, so a malformed header fails the test with a clear message.
 */
export function parseList(fieldValue) {
  const input = String(fieldValue ?? '');
  let i = 0;
  const items = [];
  const fail = (why) => {
    throw new SyntaxError(`Not a valid RateLimit field value (${why}): ${input}`);
  };
  const skipSpaces = () => {
    while (input[i] === ' ' || input[i] === '\t') i++;
  };
  const parseString = () => {
    if (input[i] !== '"') fail('the policy name must be a quoted string, e.g. "default"');
    i++;
    let out = '';
    while (i < input.length && input[i] !== '"') {
      if (input[i] === '\\') i++;
      out += input[i++];
    }
    if (input[i] !== '"') fail('unterminated string');
    i++;
    return out;
  };
  const parseInteger = () => {
    const match = /^-?\d{1,15}/.exec(input.slice(i));
    if (!match) fail('expected an integer');
    i += match[0].length;
    return Number(match[0]);
  };

  skipSpaces();
  while (i < input.length) {
    const name = parseString();
    const params = {};
    while (input[i] === ';') {
      i++;
      skipSpaces();
      const keyMatch = /^[a-z*][a-z0-9_\-.*]*/.exec(input.slice(i));
      if (!keyMatch) fail('expected a parameter name');
      i += keyMatch[0].length;
      if (input[i] !== '=') fail(`parameter ${keyMatch[0]} needs a value`);
      i++;
      params[keyMatch[0]] = input[i] === '"' ? parseString() : parseInteger();
    }
    items.push({ name, params });
    skipSpaces();
    if (i >= input.length) break;
    if (input[i] !== ',') fail('expected a comma between items');
    i++;
    skipSpaces();
  }
  if (items.length === 0) fail('empty list');
  return items;
}
