// An axios adapter that answers from a simulated cloud in-process, with no socket: the API
// client runs unchanged against the simulator in virtual time (benchmark, fast tests). It
// behaves like axios's own adapters where the client can see it: raw text body (axios parses
// it), headers, Basic auth from `config.auth`, validateStatus, AxiosError with the response.
import { STATUS_CODES } from 'node:http';
import axios, {
  AxiosError,
  AxiosHeaders,
  CanceledError,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';
import { handleSimulatorRequest } from './admin-routes';
import { serializeBody, type SimHeaders, type SimulatedCloud } from './cloud';

function requestHeaders(config: InternalAxiosRequestConfig): SimHeaders {
  const out: Record<string, string> = {};
  const raw = AxiosHeaders.from(config.headers).toJSON();
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined || v === null) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  if (config.auth !== undefined) {
    const { username = '', password = '' } = config.auth;
    out.authorization = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  }
  return out;
}

export function createSimulatorAdapter(cloud: SimulatedCloud): AxiosAdapter {
  return async (config) => {
    if (config.signal?.aborted) throw new CanceledError(undefined, config);
    const url = new URL(axios.getUri(config), 'http://127.0.0.1');
    const answer = handleSimulatorRequest(cloud, {
      method: (config.method ?? 'get').toUpperCase(),
      path: `${url.pathname}${url.search}`,
      headers: requestHeaders(config),
      ...(typeof config.data === 'string' ? { body: config.data } : {}),
    });
    const response: AxiosResponse = {
      data: serializeBody(answer),
      status: answer.status,
      statusText: STATUS_CODES[answer.status] ?? '',
      headers: new AxiosHeaders(answer.headers),
      config,
      request: {},
    };
    const validate = config.validateStatus;
    if (validate === undefined || validate === null || validate(answer.status)) return response;
    throw new AxiosError(
      `Request failed with status code ${answer.status}`,
      answer.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
      config,
      response.request,
      response,
    );
  };
}
