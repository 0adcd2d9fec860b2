import {describe, expect, it} from 'vitest';
import {connectionNotice} from './connectionNotice';

const calm = {online: true, savedCopy: true, justSaved: false, justReconnected: false};

describe('the connection notice', () => {
  it('says nothing while online and nothing has happened', () => {
    expect(connectionNotice(calm)).toBe('none');
    expect(connectionNotice({...calm, savedCopy: false})).toBe('none');
  });

  it('tells apart offline with a saved copy from offline without one', () => {
    expect(connectionNotice({...calm, online: false})).toBe('offline-saved');
    expect(connectionNotice({...calm, online: false, savedCopy: false})).toBe('offline-unsaved');
  });

  it('puts being offline before any passing news', () => {
    expect(connectionNotice({...calm, online: false, justSaved: true, justReconnected: true})).toBe('offline-saved');
  });

  it('says when the network comes back, then when the site has been saved', () => {
    expect(connectionNotice({...calm, justReconnected: true, justSaved: true})).toBe('back-online');
    expect(connectionNotice({...calm, justSaved: true})).toBe('saved-for-offline');
  });
});
