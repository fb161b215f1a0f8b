// The page /oauth2/authorize shows locally: a test identity provider where the
// developer enters who signs in (no real Apple or Google is reached). The form
// posts back the authorize request unchanged, plus the chosen test user.
const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export function testProviderPage(params: URLSearchParams, providers: readonly string[]): string {
  const hidden = [...params.entries()]
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('\n    ');
  const chosen = params.get('identity_provider');
  const options = (chosen ? [chosen] : providers)
    .map((provider) => `<option value="${escape(provider)}">${escape(provider)}</option>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Local test sign-in</title></head>
<body>
  <h1>Local test identity provider</h1>
  <p>Sign in as a test user of a federated provider. Nothing leaves this machine.</p>
  <form method="post" action="/oauth2/authorize">
    ${hidden}
    <label>Provider <select name="test_provider">${options}</select></label><br>
    <label>Email <input name="test_email" type="email" required></label><br>
    <label>Name <input name="test_name"></label><br>
    <label>Provider user id (optional) <input name="test_subject"></label><br>
    <button type="submit">Sign in</button>
  </form>
</body>
</html>
`;
}

export function refusalPage(message: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign-in refused</title></head>
<body><h1>Sign-in refused</h1><p>${escape(message)}</p></body>
</html>
`;
}
