/**
 * Bean Validation for the request records: the constraints that repeat across features
 * (free text, unit codes, days, money, metrics, lists without repetitions) and the
 * turning of violations into the fields of a problem. The rules that need the store or
 * other fields of the request stay with the features.
 */
@NullMarked
package vn.gov.cchc.plan.validation;

import org.jspecify.annotations.NullMarked;
