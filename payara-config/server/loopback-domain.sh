#!/usr/bin/env bash
# Makes a fresh Payara Server 6 or GlassFish 8 domain listen on 127.0.0.1 only, for a first try on one machine.
# Run it before the domain's first start: it edits config/domain.xml (the original is kept as domain.xml.stock).
#
#   payara-config/server/loopback-domain.sh DOMAIN_DIR
#   PORT_OFFSET=20000 payara-config/server/loopback-domain.sh DOMAIN_DIR    # every port + 20000
#
# In the server's own configuration (server-config):
#   - every HTTP and admin listener, IIOP listener and the JMX connector: address 127.0.0.1 (stock: all);
#   - the JMS broker off (stock: started, listening on every interface);
#   - with PORT_OFFSET, the ports moved by that much (8080 HTTP, 8181 HTTPS, 4848 admin, 3700/3820/3920 IIOP,
#     8686 JMX, 7676 JMS), so that it can run beside another server;
#   - Payara Server: Hazelcast off (it opens 4900 on every interface and looks for peers) and no phone-home call.
# Nothing else changes. Undo with: cp domain.xml.stock domain.xml
set -euo pipefail

domain=${1:?usage: loopback-domain.sh DOMAIN_DIR}
config=$domain/config/domain.xml
[ -f "$config" ] || { echo "no $config" >&2; exit 1; }
offset=${PORT_OFFSET:-0}
[ -f "$config.stock" ] || cp "$config" "$config.stock"
cp "$config.stock" "$config"

server='/<config name="server-config"/,/<\/config>/'

sed -i -E "$server {
    s/<network-listener ([^>]*)address=\"[^\"]*\" ?/<network-listener \\1/
    s/<network-listener /<network-listener address=\"127.0.0.1\" /
    s/(<iiop-listener [^>]*)address=\"[^\"]*\"/\\1address=\"127.0.0.1\"/
    s/(<jmx-connector [^>]*)address=\"[^\"]*\"/\\1address=\"127.0.0.1\"/
    s/(<jms-service [^>]*)type=\"[A-Z]*\"/\\1type=\"DISABLED\"/
    s/(<jms-host [^>]*)host=\"[^\"]*\"/\\1host=\"127.0.0.1\"/
    s/<hazelcast-config-specific-configuration( enabled=\"[a-z]*\")?/<hazelcast-config-specific-configuration enabled=\"false\"/
}" "$config"

# GlassFish's server-config has no <jms-service>, and its default starts the broker: say DISABLED.
if ! sed -n "$server p" "$config" | grep -q '<jms-service'; then
    sed -i -E "/<config name=\"server-config\"[^>]*>/a\\
      <jms-service type=\"DISABLED\" default-jms-host=\"default_JMS_host\"><jms-host name=\"default_JMS_host\" host=\"127.0.0.1\" port=\"\${JMS_PROVIDER_PORT}\" lazy-init=\"true\"/></jms-service>" "$config"
fi

# Payara Server only (a domain-level element, absent from GlassFish): no phone-home call.
if grep -q '<hazelcast-runtime-configuration' "$config" && ! grep -q '<phone-home-runtime-configuration' "$config"; then
    sed -i -E '/<hazelcast-runtime-configuration/i\
    <phone-home-runtime-configuration enabled="false"></phone-home-runtime-configuration>' "$config"
fi

if [ "$offset" -ne 0 ]; then
    for port in 8080 8181 4848 3700 3820 3920 8686 7676; do
        sed -i -E "$server {
            s/port=\"$port\"/port=\"$((port + offset))\"/g
            s/(name=\"JMS_PROVIDER_PORT\" value=)\"$port\"/\\1\"$((port + offset))\"/
        }" "$config"
    done
fi
echo "$(basename "$(cd "$domain" && pwd)"): listening on 127.0.0.1 only (ports + $offset)"
