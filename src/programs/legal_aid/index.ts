/**
 * Legal aid (吉政发〔2006〕48号 §七.1): cases of poor clients by group × cost per case, and the
 * forensic fees of their cases — waived by fiscally funded institutions, deferred by the others
 * and paid by the legal-aid body when the client loses and cannot pay. All from annual budgets.
 */
import { defineProgram, type ProgramDefinition } from '../../engine/program.js';
import type { Rule } from '../../engine/rule.js';
import { legal_aid_case } from './legal_aid_case.js';
import { legal_aid_case_cost } from './legal_aid_case_cost.js';
import { legal_aid_case_lost } from './legal_aid_case_lost.js';
import { legal_aid_case_rate } from './legal_aid_case_rate.js';
import { legal_aid_fee_paid_by_aid_body } from './legal_aid_fee_paid_by_aid_body.js';
import { legal_aid_fee_waived } from './legal_aid_fee_waived.js';
import { legal_aid_forensic_fee } from './legal_aid_forensic_fee.js';
import { legal_aid_forensic_loss_payment } from './legal_aid_forensic_loss_payment.js';
import { legal_aid_forensic_waiver } from './legal_aid_forensic_waiver.js';
import { legal_aid_poor_household } from './legal_aid_poor_household.js';
import { legal_aid_recipient } from './legal_aid_recipient.js';

export const legalAidRules: readonly Rule[] = [
  legal_aid_poor_household, legal_aid_case_rate, legal_aid_case, legal_aid_forensic_fee,
  legal_aid_fee_waived, legal_aid_case_lost, legal_aid_fee_paid_by_aid_body,
  legal_aid_case_cost, legal_aid_forensic_waiver, legal_aid_forensic_loss_payment, legal_aid_recipient,
];

export const legalAidProgram: ProgramDefinition = defineProgram({
  id: 'legalAid',
  label: { zh: '法律援助', en: 'Legal aid' },
  clauses: ['七.1'],
  rules: legalAidRules,
  components: {
    cases: { rule: 'legal_aid_case_cost', payer: 'budget', label: { zh: '法律援助办案费用', en: 'Case costs' } },
    forensicWaived: { rule: 'legal_aid_forensic_waiver', payer: 'budget', label: { zh: '鉴定费减免', en: 'Forensic fees waived' } },
    forensicLossPaid: { rule: 'legal_aid_forensic_loss_payment', payer: 'budget', label: { zh: '败诉鉴定费由法律援助机构承担', en: 'Deferred forensic fees of lost cases' } },
  },
  recipient: 'legal_aid_recipient',
});
