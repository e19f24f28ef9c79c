package vn.gov.cchc.rulefixture;

import org.springframework.web.bind.annotation.ControllerAdvice;

@ControllerAdvice
class OwnControllerAdvice {

}
