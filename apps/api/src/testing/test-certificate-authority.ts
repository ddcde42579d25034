import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

export interface IssuedPair {
  cert: string;
  key: string;
  certPath: string;
  keyPath: string;
}

export interface TestCertificateAuthority {
  /** The CA's certificate (PEM) and where it was written. */
  cert: string;
  certPath: string;
  /** A certificate for `serverName`, for the server side of a TLS connection. */
  server: IssuedPair;
  /** A certificate for a client's side of mutual TLS. */
  client: IssuedPair;
}

/**
 * A private CA made for one test, with a server and a client certificate it signed, all written as PEM files in a
 * temporary folder as an operator would hand them to the API. Keys are made by Node (fast); node-forge signs.
 */
export function createTestCertificateAuthority(name: string, serverName: string): TestCertificateAuthority {
  const dir = mkdtempSync(join(tmpdir(), 'loa-test-ca-'));
  const caKeys = newKeyPair();
  const caSubject = [{ name: 'commonName', value: `${name} test CA` }];
  const ca = signedCertificate(caKeys.publicKey, caSubject, caSubject, caKeys.privateKey, [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ]);
  const issue = (file: string, commonName: string, extensions: object[]): IssuedPair => {
    const keys = newKeyPair();
    const cert = signedCertificate(
      keys.publicKey,
      [{ name: 'commonName', value: commonName }],
      caSubject,
      caKeys.privateKey,
      [{ name: 'basicConstraints', cA: false }, ...extensions],
    );
    return writePair(dir, file, cert, keys.privateKeyPem);
  };
  const certPath = join(dir, 'ca.pem');
  writeFileSync(certPath, ca);
  return {
    cert: ca,
    certPath,
    server: issue('server', serverName, [
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: serverName }] },
    ]),
    client: issue('client', `${name} client`, [
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', clientAuth: true },
    ]),
  };
}

function newKeyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    privateKey: forge.pki.privateKeyFromPem(privateKeyPem),
    privateKeyPem,
  };
}

function signedCertificate(
  publicKey: forge.pki.rsa.PublicKey,
  subject: forge.pki.CertificateField[],
  issuer: forge.pki.CertificateField[],
  issuerKey: forge.pki.rsa.PrivateKey,
  extensions: object[],
): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 60 * 60_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 60 * 60_000);
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  cert.setExtensions(extensions);
  cert.sign(issuerKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

function writePair(dir: string, name: string, cert: string, key: string): IssuedPair {
  const certPath = join(dir, `${name}.pem`);
  const keyPath = join(dir, `${name}.key`);
  writeFileSync(certPath, cert);
  writeFileSync(keyPath, key);
  return { cert, key, certPath, keyPath };
}
