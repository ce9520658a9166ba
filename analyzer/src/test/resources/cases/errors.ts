// expect: error-handling.empty-catch@8 error-handling.empty-promise-catch@10 observability.print@12
import pino from 'pino';
const logger = pino();

export async function load(url: string): Promise<string> {
  try {
    return await fetchText(url);
  } catch (e) {
  }
  fetchText(url).catch(() => {});
  fetchText(url).catch((e: Error) => logger.error(e));
  console.log('done');
  return '';
}
