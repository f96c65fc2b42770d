package be.fedauth.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/** The rules of the house (docs/architecture.md), as ArchUnit rules over a root package. */
final class HouseRules {
    /** The libraries the SDK wraps: never in sdk-core, only in internal packages, never in public signatures. */
    static final String[] LIBRARIES = {"com.nimbusds..", "org.opensaml..", "net.shibboleth..", "io.lettuce..",
        "com.github.tomakehurst..", "org.wiremock..", "org.eclipse.jetty..", "org.bouncycastle.."};
    /** What sdk-core may not see besides the libraries: the web container. */
    static final String[] CONTAINERS = {"jakarta..", "javax.servlet.."};

    private HouseRules() {
    }

    /** Core holds no protocol, library or container type. */
    static ArchRule coreIsFreeOfLibraries(String corePackage) {
        return noClasses().that().resideInAPackage(corePackage).should().dependOnClassesThat()
                .resideInAnyPackage(concat(LIBRARIES, CONTAINERS))
                .because("sdk-core needs only the JDK and slf4j (docs/architecture.md)");
    }

    /** OpenSAML and Nimbus are used only behind an internal seam. */
    static ArchRule protocolLibrariesOnlyInInternal(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage).and().resideOutsideOfPackage("..internal..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("com.nimbusds..", "org.opensaml..", "net.shibboleth..")
                .because("OpenSAML and Nimbus stay behind each module's internal package (style.md)");
    }

    /** Public methods of public API classes take and give no library type. */
    static ArchRule publicSignaturesFreeOfLibraryTypes(String rootPackage) {
        return methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideInAPackage(rootPackage)
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
                .should(new ArchCondition<JavaMethod>("take and give no library type") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        List<JavaClass> types = new java.util.ArrayList<>(method.getRawParameterTypes());
                        types.add(method.getRawReturnType());
                        for (JavaClass type : types) {
                            if (isLibrary(type.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(method, method.getFullName() + " uses "
                                        + type.getName()));
                            }
                        }
                    }
                });
    }

    /** The fake IdP never depends on the relying-party modules in main scope. */
    static ArchRule testkitIndependentOfRelyingParty(String testkitPackage) {
        return noClasses().that().resideInAPackage(testkitPackage).should().dependOnClassesThat()
                .resideInAnyPackage("be.fedauth.oidc..", "be.fedauth.saml..", "be.fedauth.servlet..", "be.fedauth.redis..")
                .because("the fake FAS must not share code with what it tests");
    }

    private static boolean isLibrary(String packageName) {
        for (String library : LIBRARIES) {
            String prefix = library.substring(0, library.length() - 2);
            if (packageName.equals(prefix) || packageName.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
