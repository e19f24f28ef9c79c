package vn.gov.cchc.rulefixture;

class OwnProblemException extends RuntimeException {

}
