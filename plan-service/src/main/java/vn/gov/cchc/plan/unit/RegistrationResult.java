package vn.gov.cchc.plan.unit;

/**
 * What a {@code PUT /api/v1/units} published.
 *
 * @param registered units that were new ({@code UnitRegistered} published)
 * @param changed units whose state differed ({@code UnitChanged} published)
 * @param unchanged units already known with exactly this state (nothing published)
 */
public record RegistrationResult(int registered, int changed, int unchanged) {

}
