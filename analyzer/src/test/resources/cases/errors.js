// expect: error-handling.empty-catch@7 error-handling.print-only-catch@11 observability.print@12 error-handling.empty-promise-catch@14 error-handling.process-exit@17
const logger = require('pino')();

function load(url) {
  try {
    return JSON.parse(url);
  } catch (e) {
  }
  try {
    return JSON.parse(url);
  } catch (e) {
    console.error(e);
  }
  fetchUser().catch(() => {});
  fetchUser().catch(err => logger.error(err));
  if (!url) {
    process.exit(1);
  }
  logger.info('loaded');
}
