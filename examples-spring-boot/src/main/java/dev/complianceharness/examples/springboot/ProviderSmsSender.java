package dev.complianceharness.examples.springboot;

import dev.complianceharness.examples.sms.OutboundSms;
import dev.complianceharness.examples.sms.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands texts to the SMS provider (here: logs that it would, naming only the number's last four digits). */
final class ProviderSmsSender implements SmsSender {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSmsSender.class);

    @Override
    public void send(OutboundSms message) {
        LOG.info("{} text handed to the provider for the number ending {}", message.purpose(),
                message.to().substring(message.to().length() - 4));
    }
}
