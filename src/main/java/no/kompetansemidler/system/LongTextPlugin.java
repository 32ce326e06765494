package no.kompetansemidler.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets a text variable be longer than the 4000 characters Camunda keeps in a text column: a distribution of one
 * line per recipient in the largest embete, or the forum's overview of its need reports. Such a text is stored in
 * the engine's byte array table (UTF-8), for the running case and in the history alike, and it is still a
 * {@code String} to the forms, the REST API, Cockpit and the delegates. Shorter texts are stored as before. The
 * history's log of submitted form fields (a repetition of the variable updates) keeps the first 4000 characters.
 */
@Component
class LongTextPlugin extends AbstractProcessEnginePlugin {

    /** The longest text the engine's text columns hold (varchar(4000); counted in characters). */
    static final int TEXT_COLUMN_LENGTH = 4000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
        serializers.add(new LongTextSerializer());
        configuration.setCustomPreVariableSerializers(serializers);
        if (configuration.getHistoryEventProducer() != null) {
            throw new IllegalStateException("LongTextPlugin expects the engine's own history event producer");
        }
        configuration.setHistoryEventProducer(new CacheAwareHistoryEventProducer() {
            @Override
            public HistoryEvent createFormPropertyUpdateEvt(ExecutionEntity execution, String propertyId,
                                                            String propertyValue, String taskId) {
                return super.createFormPropertyUpdateEvt(execution, propertyId, formPropertyValue(propertyValue),
                        taskId);
            }
        });
    }

    /**
     * A submitted form's field as the history's form-property log keeps it: at most a text column. The whole text
     * is the variable's, in the history's variable updates, which this log only repeats.
     */
    static String formPropertyValue(String value) {
        if (value == null || value.length() <= TEXT_COLUMN_LENGTH) {
            return value;
        }
        String marker = "… (" + value.length() + " tegn; hele teksten står i variabelen)";
        return value.substring(0, TEXT_COLUMN_LENGTH - marker.length()) + marker;
    }

    /** A string longer than the text column: stored as UTF-8 bytes under its own serializer name. */
    static final class LongTextSerializer extends PrimitiveValueSerializer<StringValue> {

        static final String NAME = "longString";

        LongTextSerializer() {
            super(ValueType.STRING);
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        protected boolean canWriteValue(TypedValue value) {
            return value.getValue() instanceof String text && text.length() > TEXT_COLUMN_LENGTH;
        }

        @Override
        public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
            return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
        }

        @Override
        public StringValue readValue(ValueFields valueFields, boolean asTransientValue) {
            byte[] bytes = valueFields.getByteArrayValue();
            return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8),
                    asTransientValue);
        }

        @Override
        public void writeValue(StringValue value, ValueFields valueFields) {
            valueFields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
        }
    }
}
