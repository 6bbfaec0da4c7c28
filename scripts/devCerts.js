// HTTPS options for the dev server. Office needs https on localhost; office-addin-dev-certs makes a
// local CA and trusts it. Where it cannot trust it (Linux without sudo, CI), we still serve with the
// generated certificate, and `npm start` says how to trust it, rather than fail to start.
const fs = require("fs");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");

/**
 * The one command that makes this machine trust the development certificate. `install` makes a new CA
 * and certificate before trusting them (office-addin-dev-certs' ensureCertificatesAreInstalled deletes
 * untrusted ones), so the running server has to restart to serve the new certificate.
 */
const trustCommand = (start = "npm start") => `npm stop && npx office-addin-dev-certs install && ${start}`;

async function httpsOptions() {
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    if (!fs.existsSync(defaults.localhostCertificatePath) || !fs.existsSync(defaults.localhostKeyPath)) {
      await devCerts.generateCertificates();
    }
    console.warn(`Serving with a development certificate that this machine does not trust yet (${error.message.split("\n")[0]}); npm start says how to trust it.`);
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
    };
  }
}

/**
 * What to tell the user when this machine does not trust the certificate the server uses, or undefined
 * when it does; `start` is the command that started the server. Only checks (office-addin-dev-certs'
 * verifyCertificates): never installs or asks for a password.
 */
function untrustedCertificateWarning(start) {
  let trusted = false;
  try {
    trusted = devCerts.verifyCertificates();
  } catch {
    // the check itself could not run: say so as for an untrusted certificate
  }
  if (trusted) return undefined;
  return (
    `WARNING: this machine does not trust the development certificate (${defaults.caCertificatePath}),\n` +
    `so browsers and Excel will refuse https://localhost until it does. To trust it (asks for an\n` +
    `administrator password), run:\n\n  ${trustCommand(start)}\n\n` +
    `Where that is not possible, add ${defaults.caCertificatePath} to the trusted root certificates by hand.`
  );
}

module.exports = { httpsOptions, untrustedCertificateWarning };
