package dev.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.Test;

/** A page's EL reads a record's components; anything else is left to the other resolvers. */
class RecordELResolverTest {

    public record Person(String username, boolean admin) {
    }

    private final RecordELResolver resolver = new RecordELResolver();

    @Test
    void readsARecordsComponents() {
        Person ann = new Person("ann", true);
        ELContext context = context();
        assertEquals("ann", resolver.getValue(context, ann, "username"));
        assertTrue(context.isPropertyResolved());
        assertEquals(Boolean.TRUE, resolver.getValue(context(), ann, "admin"));
        assertTrue(resolver.isReadOnly(context(), ann, "username"));
        assertThrows(PropertyNotWritableException.class, () -> resolver.setValue(context(), ann, "username", "bob"));
    }

    @Test
    void leavesEverythingElseToOtherResolvers() {
        for (Object[] baseAndProperty : new Object[][] {{"not a record", "length"},
                {new Person("ann", false), "password"}, {null, "person"}}) {
            ELContext context = context();
            assertNull(resolver.getValue(context, baseAndProperty[0], baseAndProperty[1]));
            assertFalse(context.isPropertyResolved(), () -> String.valueOf(baseAndProperty[1]));
        }
    }

    private static ELContext context() {
        return new ELContext() {
            @Override
            public ELResolver getELResolver() {
                return null;
            }

            @Override
            public FunctionMapper getFunctionMapper() {
                return null;
            }

            @Override
            public VariableMapper getVariableMapper() {
                return null;
            }
        };
    }
}
