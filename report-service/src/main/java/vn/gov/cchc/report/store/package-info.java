/**
 * MongoDB idioms the features share; knows no feature.
 */
@NullMarked
package vn.gov.cchc.report.store;

import org.jspecify.annotations.NullMarked;
