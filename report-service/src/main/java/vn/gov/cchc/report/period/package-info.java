/**
 * Reporting periods: which data window an event falls in and when each level of unit must
 * report on it, for one plan's reporting regime. Windows follow Decree 09/2019/NĐ-CP (or
 * calendar months) and are cut earlier where a plan's deadline leaves no working day
 * after the cut-off; due dates count working days of the Vietnamese public service
 * calendar.
 */
@NullMarked
package vn.gov.cchc.report.period;

import org.jspecify.annotations.NullMarked;
