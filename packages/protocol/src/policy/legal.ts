/**
 * What French consumer law requires of a distance seller. A shop's policy may be more generous,
 * never less: the policy schema refuses anything below these floors or above these ceilings.
 */
export const legalLimits = {
  /** Right of withdrawal: 14 days from delivery (Code de la consommation, art. L221-18). */
  withdrawalDays: 14,
  /** Refund at the latest 14 days after the withdrawal request (art. L221-24). */
  refundMaxDays: 14,
  /** Legal guarantee of conformity: 2 years from delivery for new goods (art. L217-3 and L217-7). */
  conformityGuaranteeMonths: 24,
} as const;
