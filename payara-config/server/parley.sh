#!/usr/bin/env bash
# Deploys Parley to a running Payara Server 6 or GlassFish 8 domain, or takes it off again.
#
#   payara-config/server/parley.sh deploy target/parley.war
#   payara-config/server/parley.sh undeploy
#
# ASADMIN     the server's asadmin (default: asadmin on the PATH)
# ADMIN_PORT  the domain's admin port (default 4848)
# GlassFish 8 runs on Java 21 or later: set AS_JAVA to such a JDK for asadmin and the domain.
#
# Parley needs no resources on the server: the WAR declares its own connection pool (java:app/jdbc/parley) over
# the database named by PARLEY_DB_URL. Its settings are read by MicroProfile Config from the environment of
# `asadmin start-domain` (or from JVM options: asadmin create-jvm-options -Dparley.db.url=...), for example:
#   PARLEY_DB_URL=jdbc:postgresql://db:5432/parley PARLEY_DB_USER=parley PARLEY_DB_PASSWORD=... \
#   PARLEY_REDIS_URL=redis://redis:6379 asadmin start-domain
set -euo pipefail

asadmin=${ASADMIN:-asadmin}
port=${ADMIN_PORT:-4848}

case "${1:-}" in
    deploy)
        war=${2:?usage: parley.sh deploy WAR}
        # Context root "/": the chat page and its WebSocket expect to be served at the root, as on Payara Micro.
        "$asadmin" --port "$port" deploy --force=true --contextroot / --name parley "$war"
        ;;
    undeploy)
        "$asadmin" --port "$port" undeploy parley
        ;;
    *)
        echo "usage: parley.sh deploy WAR | undeploy" >&2
        exit 2
        ;;
esac
