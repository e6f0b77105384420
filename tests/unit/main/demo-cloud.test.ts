import { describe, expect, it } from 'vitest';
import axios from 'axios';
import { startDemoCloud } from '../../../electron/main/demo-cloud';

describe('demo cloud', () => {
  it('serves the simulator on loopback with the demo credentials, and stops', async () => {
    const demo = await startDemoCloud();
    try {
      expect(demo.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/public_api\/v1$/);
      const res = await axios.get(`${demo.baseUrl}/deployments`, {
        auth: { username: demo.key, password: demo.secret },
        validateStatus: () => true,
      });
      expect(res.status).toBe(200);
      const wrong = await axios.get(`${demo.baseUrl}/deployments`, {
        auth: { username: demo.key, password: 'wrong' },
        validateStatus: () => true,
      });
      expect(wrong.status).toBe(401);
    } finally {
      await demo.stop();
    }
    await expect(axios.get(`${demo.baseUrl}/deployments`, { timeout: 2000 })).rejects.toThrow();
  });
});
