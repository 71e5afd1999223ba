package dev.quillstream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Rules Spring Modulith's verify cannot express. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.quillstream");

    @Test
    void providerLibrariesStayInsideTheirAdapters() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "dev.quillstream.llm.support..",
                        "dev.quillstream.llm.openai..",
                        "dev.quillstream.llm.anthropic..",
                        "dev.quillstream.llm.gemini..",
                        "dev.quillstream.llm.ollama..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.langchain4j..")
                .because("provider SDK and wire types must not leak out of llm.<provider>")
                .check(CLASSES);
    }

    @Test
    void theDocumentModelIsFreeOfFrameworkTypes() {
        classes()
                .that()
                .resideInAPackage("dev.quillstream.content")
                .and()
                .areRecords()
                .should()
                .onlyDependOnClassesThat()
                .resideOutsideOfPackages("org.springframework..", "jakarta.persistence..")
                .check(CLASSES);
    }

    @Test
    void pipelinesNeverTalkToTheWeb() {
        noClasses()
                .that()
                .resideInAPackage("dev.quillstream.generation.blog..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(CLASSES);
    }
}
