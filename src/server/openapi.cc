// GET /api/openapi.json: the API contract as OpenAPI 3.0 (kept in step with docs/api.md; the
// server test checks that it parses and names every route).
#include "api.h"

namespace sitrep::server {

const std::string& Api::OpenApiJson() {
  static const std::string kDoc = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "sitrep API",
    "version": "1",
    "description": "Conflict events extracted from news reports. Read-only unless the server runs with --allow-ingest. Errors are {\"error\":{\"status\":N,\"message\":\"...\"}}."
  },
  "paths": {
    "/api/events": {
      "get": {
        "summary": "Events matching the filters, one page",
        "parameters": [
          {"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/admin1"},
          {"$ref": "#/components/parameters/type"}, {"$ref": "#/components/parameters/sub_type"},
          {"$ref": "#/components/parameters/actor"}, {"$ref": "#/components/parameters/from"},
          {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/bbox"},
          {"$ref": "#/components/parameters/min_fatalities"}, {"$ref": "#/components/parameters/q"},
          {"$ref": "#/components/parameters/historical"}, {"$ref": "#/components/parameters/limit"},
          {"$ref": "#/components/parameters/offset"}, {"$ref": "#/components/parameters/sort"},
          {"$ref": "#/components/parameters/format"}
        ],
        "responses": {
          "200": {
            "description": "format=full: {total, limit, offset, events}; format=compact: {total, limit, offset, columns, rows}",
            "content": {"application/json": {"schema": {"oneOf": [
              {"$ref": "#/components/schemas/EventPage"}, {"$ref": "#/components/schemas/CompactPage"}]}}}
          },
          "400": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/events/{id}": {
      "get": {
        "summary": "One event with its evidence in context and its source articles",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {
          "200": {"description": "The event", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EventDetail"}}}},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/articles/{id}": {
      "get": {
        "summary": "One stored article: clean text and the events it reported",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {
          "200": {"description": "The article", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Article"}}}},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/points": {
      "get": {
        "summary": "Events matching the filters as columns (map, timeline, table); see docs/api.md",
        "parameters": [
          {"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/admin1"},
          {"$ref": "#/components/parameters/type"}, {"$ref": "#/components/parameters/sub_type"},
          {"$ref": "#/components/parameters/actor"}, {"$ref": "#/components/parameters/from"},
          {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/bbox"},
          {"$ref": "#/components/parameters/min_fatalities"}, {"$ref": "#/components/parameters/q"},
          {"$ref": "#/components/parameters/historical"}, {"$ref": "#/components/parameters/limit"},
          {"$ref": "#/components/parameters/offset"}, {"$ref": "#/components/parameters/sort"}
        ],
        "responses": {
          "200": {
            "description": "{total, limit, offset, count, event_id[], day[] (days since 1970-01-01 or null), lat_e5[], lon_e5[] (degrees x 1e5 or null), fatalities[], and event_type, sub_event_type, country, admin1, actor1, actor2 as {values[], codes[]}}",
            "content": {"application/json": {"schema": {"type": "object"}}}
          },
          "400": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/stats": {
      "get": {
        "summary": "Counts and fatalities of the matching events by day, type and country (limit, offset, sort and format are accepted and ignored)",
        "parameters": [
          {"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/admin1"},
          {"$ref": "#/components/parameters/type"}, {"$ref": "#/components/parameters/sub_type"},
          {"$ref": "#/components/parameters/actor"}, {"$ref": "#/components/parameters/from"},
          {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/bbox"},
          {"$ref": "#/components/parameters/min_fatalities"}, {"$ref": "#/components/parameters/q"},
          {"$ref": "#/components/parameters/historical"}
        ],
        "responses": {
          "200": {"description": "Stats", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Stats"}}}},
          "400": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/extract": {
      "post": {
        "summary": "Extract the events of one article (only with --allow-ingest; 403 otherwise)",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ExtractRequest"}}}},
        "responses": {
          "200": {"description": "Clean text and events", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ExtractResult"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "413": {"$ref": "#/components/responses/Error"},
          "415": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/openapi.json": {
      "get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.0", "content": {"application/json": {}}}}}
    }
  },
  "components": {
    "parameters": {
      "country": {"name": "country", "in": "query", "description": "Country name or ISO3 code (case-insensitive)", "schema": {"type": "string", "maxLength": 1000}},
      "admin1": {"name": "admin1", "in": "query", "description": "First-level region", "schema": {"type": "string", "maxLength": 1000}},
      "type": {"name": "type", "in": "query", "description": "ACLED event type", "schema": {"type": "string", "maxLength": 1000}},
      "sub_type": {"name": "sub_type", "in": "query", "description": "ACLED sub-event type", "schema": {"type": "string", "maxLength": 1000}},
      "actor": {"name": "actor", "in": "query", "description": "Part of actor1 or actor2", "schema": {"type": "string", "maxLength": 1000}},
      "from": {"name": "from", "in": "query", "description": "Earliest event_date, inclusive", "schema": {"type": "string", "format": "date"}},
      "to": {"name": "to", "in": "query", "description": "Latest event_date, inclusive", "schema": {"type": "string", "format": "date"}},
      "bbox": {"name": "bbox", "in": "query", "description": "minlon,minlat,maxlon,maxlat (WGS84; min <= max)", "schema": {"type": "string"}},
      "min_fatalities": {"name": "min_fatalities", "in": "query", "schema": {"type": "integer", "minimum": 0}},
      "q": {"name": "q", "in": "query", "description": "Full-text words, all required, over notes and article text", "schema": {"type": "string", "maxLength": 1000}},
      "historical": {"name": "historical", "in": "query", "schema": {"type": "string", "enum": ["true", "false"]}},
      "limit": {"name": "limit", "in": "query", "description": "Page size; 0 returns only the total", "schema": {"type": "integer", "minimum": 0, "maximum": 100000, "default": 100}},
      "offset": {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 0}},
      "sort": {"name": "sort", "in": "query", "description": "date (oldest first, undated first), -date, fatalities (most first), id", "schema": {"type": "string", "enum": ["date", "-date", "fatalities", "id"], "default": "date"}},
      "format": {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["full", "compact"], "default": "full"}}
    },
    "responses": {
      "Error": {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "schemas": {
      "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["status", "message"],
        "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}},
      "Evidence": {"type": "object", "properties": {
        "field": {"type": "string"}, "doc_id": {"type": "string"}, "start": {"type": "integer", "description": "byte offset into the article's clean text"},
        "end": {"type": "integer"}, "text": {"type": "string"}}},
      "Event": {"type": "object", "description": "Contract section 2 (as written by sitrep extract)", "properties": {
        "event_id": {"type": "string"}, "doc_ids": {"type": "array", "items": {"type": "string"}},
        "event_type": {"type": "string"}, "sub_event_type": {"type": "string"},
        "date_start": {"type": "string", "nullable": true}, "date_end": {"type": "string", "nullable": true}, "event_date": {"type": "string", "nullable": true},
        "time_precision": {"type": "integer"}, "date_prec": {"type": "integer"},
        "actor1": {"type": "string", "nullable": true}, "actor2": {"type": "string", "nullable": true},
        "assoc_actor_1": {"type": "array", "items": {"type": "string"}}, "assoc_actor_2": {"type": "array", "items": {"type": "string"}},
        "inter1": {"type": "integer"}, "inter2": {"type": "integer"}, "interaction": {"type": "integer"},
        "side_a": {"type": "string", "nullable": true}, "side_b": {"type": "string", "nullable": true},
        "country": {"type": "string"}, "iso3": {"type": "string"}, "admin1": {"type": "string", "nullable": true}, "admin2": {"type": "string", "nullable": true},
        "location": {"type": "string"}, "latitude": {"type": "number", "nullable": true}, "longitude": {"type": "number", "nullable": true},
        "geonameid": {"type": "integer", "nullable": true}, "geo_precision": {"type": "integer"}, "where_prec": {"type": "integer"},
        "fatalities": {"type": "integer"}, "deaths_best": {"type": "integer"}, "deaths_low": {"type": "integer"}, "deaths_high": {"type": "integer"},
        "deaths_side_a": {"type": "integer"}, "deaths_side_b": {"type": "integer"}, "deaths_civilians": {"type": "integer"}, "deaths_unknown": {"type": "integer"},
        "injured": {"type": "integer", "nullable": true},
        "named_persons": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "role": {"type": "string"}, "fate": {"type": "string"}}}},
        "historical": {"type": "boolean"}, "confidence": {"type": "number"}, "notes": {"type": "string"},
        "evidence": {"type": "array", "items": {"$ref": "#/components/schemas/Evidence"}}}},
      "EventPage": {"type": "object", "required": ["total", "limit", "offset", "events"], "properties": {
        "total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"},
        "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}}},
      "CompactPage": {"type": "object", "required": ["total", "columns", "rows"], "properties": {
        "total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"},
        "columns": {"type": "array", "items": {"type": "string"}, "example": ["event_id", "event_date", "latitude", "longitude", "fatalities", "event_type", "sub_event_type", "country", "admin1", "actor1", "actor2"]},
        "rows": {"type": "array", "items": {"type": "array", "items": {"nullable": true}}}}},
      "EventDetail": {"allOf": [{"$ref": "#/components/schemas/Event"}, {"type": "object", "properties": {
        "evidence": {"type": "array", "items": {"allOf": [{"$ref": "#/components/schemas/Evidence"}, {"type": "object", "properties": {
          "before": {"type": "string", "nullable": true, "description": "up to 200 bytes of the article text before the span; null when the article is not stored"},
          "after": {"type": "string", "nullable": true}}}]}},
        "articles": {"type": "array", "items": {"type": "object", "properties": {
          "id": {"type": "string"}, "title": {"type": "string"}, "url": {"type": "string"}, "published": {"type": "string"}}}}}}]},
      "Article": {"type": "object", "properties": {
        "id": {"type": "string"}, "url": {"type": "string"}, "title": {"type": "string"}, "published": {"type": "string"},
        "text": {"type": "string", "description": "clean text; evidence offsets are bytes into it"},
        "event_ids": {"type": "array", "items": {"type": "string"}}}},
      "Bucket": {"type": "object", "properties": {"key": {"type": "string"}, "events": {"type": "integer"}, "fatalities": {"type": "integer"}}},
      "Stats": {"type": "object", "properties": {
        "events": {"type": "integer"}, "fatalities": {"type": "integer"}, "articles": {"type": "integer", "description": "all stored articles (unfiltered)"},
        "by_day": {"type": "array", "items": {"$ref": "#/components/schemas/Bucket"}, "description": "key YYYY-MM-DD, or empty for undated events; sorted by key"},
        "by_type": {"type": "array", "items": {"$ref": "#/components/schemas/Bucket"}},
        "by_country": {"type": "array", "items": {"$ref": "#/components/schemas/Bucket"}}}},
      "ExtractRequest": {"type": "object", "properties": {
        "id": {"type": "string", "maxLength": 200, "description": "default: api-<content hash>"},
        "published": {"type": "string", "format": "date", "description": "anchors relative dates (\"on Tuesday\")"},
        "title": {"type": "string"}, "url": {"type": "string"},
        "text": {"type": "string"}, "html": {"type": "string"},
        "store": {"type": "boolean", "default": false}}, "additionalProperties": false},
      "ExtractResult": {"type": "object", "properties": {
        "id": {"type": "string"}, "title": {"type": "string"}, "published": {"type": "string"},
        "text": {"type": "string", "description": "clean text; evidence offsets are bytes into it"},
        "stored": {"type": "boolean"}, "warnings": {"type": "array", "items": {"type": "string"}},
        "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}}}
    }
  }
})json";
  return kDoc;
}

}  // namespace sitrep::server
