package vn.gov.cchc.events;

/**
 * The form of a communication activity.
 */
public enum ActivityForm {

	RADIO, TELEVISION, NEWSPAPER, PORTAL, SOCIAL_MEDIA, PUBLIC_POSTING,
	/** Leaflets, posters, banners, handbooks. */
	PRINTED_MATERIAL, TRAINING, CONTEST, CONFERENCE, DIALOGUE, SOUVENIR, REPORTAGE, OTHER

}
