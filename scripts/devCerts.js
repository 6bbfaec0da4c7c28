// HTTPS options for the dev server. Office needs https on localhost; office-addin-dev-certs makes a
// local CA and trusts it. Where it cannot trust it (Linux without sudo, CI), we still serve with the
// generated certificate and say how to trust it, rather than fail to start.
const fs = require("fs");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");

async function httpsOptions() {
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    if (!fs.existsSync(defaults.localhostCertificatePath) || !fs.existsSync(defaults.localhostKeyPath)) {
      await devCerts.generateCertificates();
    }
    console.warn(
      `Serving with a development certificate that this machine does not trust yet (${error.message.split("\n")[0]}).\n` +
        `To trust it, add ${defaults.caCertificatePath} to your trusted root certificates.`,
    );
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
    };
  }
}

module.exports = { httpsOptions };
