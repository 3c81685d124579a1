// The company identity provider of Parley's SSO tests: the npm package oidc-provider on 127.0.0.1, one
// confidential client (Parley), people read from a JSON file on every sign-in (so a test can change someone's
// groups or remove them between two sign-ins), and a switch that makes the token endpoint hand out a forged ID
// token, to prove Parley refuses it.
//
//   node provider.mjs <settings.json>
//   settings: {port, clientId, clientSecret, redirectUri, postLogoutRedirectUri, peopleFile}
//   people file: {"<login>": {"sub", "preferred_username", "name", "email", "email_verified", "groups": []}}
//   POST /test/forge?how=issuer|audience|signature|expired|none  sets what the next ID tokens get wrong.
//
// The devInteractions login form takes any password: this provider tests Parley, not passwords.
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';
import * as jose from 'jose';

const settings = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const issuer = `http://127.0.0.1:${settings.port}`;
const people = () => JSON.parse(readFileSync(settings.peopleFile, 'utf8'));

const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
const signingKey = { ...(await jose.exportJWK(privateKey)), kid: 'parley-test', alg: 'RS256', use: 'sig' };
const strangerKey = (await jose.generateKeyPair('RS256')).privateKey;

const provider = new Provider(issuer, {
  clients: [{
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
    redirect_uris: [settings.redirectUri],
    post_logout_redirect_uris: [settings.postLogoutRedirectUri],
    response_types: ['code'],
    grant_types: ['authorization_code'],
  }],
  jwks: { keys: [signingKey] },
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    email: ['email', 'email_verified'],
    groups: ['groups'],
  },
  scopes: ['openid', 'profile', 'email', 'groups'],
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  pkce: { required: () => false },
  async findAccount(ctx, id) {
    const person = people()[id];
    if (!person) {
      return undefined; // removed from the company: the sign-in fails at the provider
    }
    return { accountId: id, claims: async () => person };
  },
  // Parley is a first-party client: no consent page, every requested scope granted.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(ctx.oidc.requestParamScopes ? [...ctx.oidc.requestParamScopes].join(' ') : 'openid');
    await grant.save();
    return grant;
  },
});

let forge = 'none';

// Rewrites the ID token the token endpoint answers with, when a test asked for a forgery.
async function forged(idToken) {
  const claims = jose.decodeJwt(idToken);
  const key = forge === 'signature' ? strangerKey : privateKey;
  if (forge === 'issuer') claims.iss = 'http://127.0.0.1:1/another-issuer';
  if (forge === 'audience') claims.aud = 'another-client';
  if (forge === 'expired') {
    claims.iat = Math.floor(Date.now() / 1000) - 7200;
    claims.exp = Math.floor(Date.now() / 1000) - 3600;
  }
  return new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'parley-test' }).sign(key);
}

provider.use(async (ctx, next) => {
  if (ctx.method === 'POST' && ctx.path === '/test/forge') {
    forge = ctx.query.how || 'none';
    ctx.status = 204;
    return;
  }
  await next();
  // The stock login and sign-out pages import a web font from the internet; tests talk to 127.0.0.1 only.
  if (ctx.response.is('html') && typeof ctx.body === 'string') {
    ctx.body = ctx.body.replace(/@import url\(https:[^)]*\);?/g, '');
  }
  if (ctx.path === '/token' && forge !== 'none' && ctx.body && ctx.body.id_token) {
    ctx.body = { ...ctx.body, id_token: await forged(ctx.body.id_token) };
  }
});

provider.listen(settings.port, '127.0.0.1', () => console.log(`test identity provider ready at ${issuer}`));
