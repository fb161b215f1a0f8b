import { z } from 'zod';
import { ulid } from 'ulid';
import { Logger } from '@aws-lambda-powertools/logger';
import { Router } from '@aws-lambda-powertools/event-handler/http';
describe('smoke', () => {
  it('runs esm', () => {
    expect(z.string().parse('a')).toBe('a');
    expect(ulid()).toHaveLength(26);
    expect(new Logger()).toBeDefined();
    expect(new Router()).toBeDefined();
  });
});
