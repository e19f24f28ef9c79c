package vn.gov.cchc.events;

/**
 * Kinds of reporting unit. Departments and agencies report beside the territorial tree.
 */
public enum UnitKind {

	PROVINCE, DISTRICT, COMMUNE, DEPARTMENT, AGENCY, OFFICE

}
