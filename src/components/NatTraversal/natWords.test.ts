import {describe, expect, it} from 'vitest';
import {NAT_CALL_POLICIES, NAT_ENDPOINT_KINDS, NAT_ENDPOINT_KIND_INFO, NAT_TEXT_EN, simulateNatCall} from '@site/src/simulations/nat';
import {kindLabel, stepSentence, translatedNatText} from './natWords';


describe('natWords', () => {
  it('has a translated template for every English template of the model, with the same default message', () => {
    for (const key of Object.keys(NAT_TEXT_EN) as (keyof typeof NAT_TEXT_EN)[]) {
      // Each placeholder filled with itself, so that the filled message reads as the template.
      const placeholders = Object.fromEntries([...NAT_TEXT_EN[key].matchAll(/\{(\w+)\}/g)].map(([whole, name]) => [name, whole]));
      expect(translatedNatText(key, placeholders)).toBe(NAT_TEXT_EN[key]);
    }
  });

  it("words every step of every call as the model's own description does, in English", () => {
    for (const policy of NAT_CALL_POLICIES) {
      for (const caller of NAT_ENDPOINT_KINDS) {
        for (const callee of NAT_ENDPOINT_KINDS) {
          for (const step of simulateNatCall({caller, callee, policy}).steps) expect(stepSentence(step)).toBe(step.description);
        }
      }
    }
  });

  it("names the kinds as the model's kind table does", () => {
    for (const kind of NAT_ENDPOINT_KINDS) {
      expect(kindLabel(kind)).toBe(NAT_ENDPOINT_KIND_INFO[kind].label);
      expect(kindLabel(kind, true)).toBe(NAT_ENDPOINT_KIND_INFO[kind].shortLabel);
    }
  });
});
